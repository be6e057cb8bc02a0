import { bootstrapInstance, type BootstrapResult } from '../../server/bootstrap.js';
import {
  defaultWorkerCount,
  isClusterWorker,
  runClusterPrimary,
  workerContextOptions,
} from '../../server/cluster.js';
import { createContext } from '../../server/compose.js';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { CliError, optionalOption, seconds, type CliIo, type Command } from './command.js';

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
  usage: 'serve [--workers N]',
  summary:
    'Start the server (migrates; on an empty database imports areas and creates an admin); ' +
    '--workers N processes share the port (default: one per CPU core)',
  options: { workers: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const config = loadConfig(io.env);
    if (isClusterWorker()) {
      await startServer({ config, context: workerContextOptions(config) });
      return -1;
    }
    const workers = workerCount(optionalOption(values, 'workers'));
    if (workers === 1) {
      const server = await startServer({
        config,
        onReady: async (ctx) => reportBootstrap(io, await bootstrapInstance(ctx)),
      });
      io.out(`Siaga is running at ${server.url}`);
      io.onServing?.(server);
      return -1;
    }
    // Migrated and bootstrapped once, before any worker opens the database.
    const ctx = await createContext(config);
    try {
      reportBootstrap(io, await bootstrapInstance(ctx));
    } finally {
      await ctx.close();
    }
    await runClusterPrimary(workers, ctx.log);
    io.out(`Siaga is running at ${config.publicUrl} in ${workers} worker processes`);
    return -1;
  },
};

function workerCount(text: string | undefined): number {
  if (text === undefined) return defaultWorkerCount();
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new CliError(`--workers must be a whole number from 1 to 256, got "${text}"`);
  }
  return count;
}
