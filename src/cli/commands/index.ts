import { areasImportBoundariesCommand, areasImportCommand } from './areas.js';
import type { Command } from './command.js';
import {
  auditHeadCommand,
  auditVerifyCommand,
  backupCommand,
  migrateCommand,
} from './maintenance.js';
import { seedDemoCommand } from './seed.js';
import { serveCommand } from './serve.js';
import { stationCreateCommand } from './stations.js';
import { userCreateCommand } from './users.js';

export type { Command } from './command.js';

export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  backupCommand,
  auditVerifyCommand,
  auditHeadCommand,
  userCreateCommand,
  stationCreateCommand,
  areasImportCommand,
  areasImportBoundariesCommand,
  seedDemoCommand,
];
