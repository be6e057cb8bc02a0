import { bootstrapInstance, type BootstrapResult } from '../../server/bootstrap.js';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { seconds, type CliIo, type Command } from './command.js';

/** What the bootstrap did, on stdout: the one-time password must never reach the log. */
export function reportBootstrap(io: CliIo, result: BootstrapResult): void {
  if (result.areas) {
    io.out(`Imported ${result.areas.total} areas in ${seconds(result.areas.ms)} s.`);
  }
  if (result.admin?.oneTimePassword) {
    io.out(
      `Created the first platform admin ${result.admin.email} with the one-time password ` +
        `${result.admin.oneTimePassword}\nIt is shown only this once: log in and change it.`,
    );
  } else if (result.admin) {
    io.out(`Created the first platform admin ${result.admin.email} (SIAGA_ADMIN_PASSWORD).`);
  }
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: 'Start the server (migrates; on an empty database imports areas and creates an admin)',
  options: {},
  run: async (_values, _positionals, io) => {
    const server = await startServer({
      config: loadConfig(io.env),
      onReady: async (ctx) => reportBootstrap(io, await bootstrapInstance(ctx)),
    });
    io.out(`Siaga is running at ${server.url}`);
    io.onServing?.(server);
    return -1;
  },
};
