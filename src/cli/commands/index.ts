import type { Command } from './command.js';
import { auditVerifyCommand, backupCommand, migrateCommand } from './maintenance.js';
import { serveCommand } from './serve.js';

export type { Command } from './command.js';

export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  backupCommand,
  auditVerifyCommand,
];
