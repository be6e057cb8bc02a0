import { startServer } from '../../server/main.js';
import type { Command } from './command.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve',
  summary: 'Start the server (migrates; on an empty database imports areas and creates an admin)',
  options: {},
  run: async () => {
    const server = await startServer();
    console.log(`Siaga is running at ${server.url}`);
    return -1;
  },
};
