import { backupSqlite } from '../../server/db/database.js';
import { verifyAuditLog } from '../../server/features/audit/audit.service.js';
import { CliError, requireOption, withContext, type Command } from './command.js';

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'Apply pending database migrations (also done on every start)',
  options: {},
  run: (_values, _positionals, io) =>
    withContext(io, (ctx) => {
      io.out(`Database is up to date (${ctx.database.dialect}).`);
      return Promise.resolve(0);
    }),
};

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --to FILE',
  summary: 'Online backup of the SQLite database (PostgreSQL: use pg_dump)',
  options: { to: { type: 'string' } },
  run: (values, _positionals, io) => {
    const destination = requireOption(values, 'to');
    return withContext(io, async (ctx) => {
      if (!ctx.database.sqliteFile) {
        throw new CliError(
          'This deployment uses PostgreSQL: back it up with `pg_dump --format=custom --file=FILE "$SIAGA_DATABASE_URL"`.',
        );
      }
      const started = performance.now();
      await backupSqlite(ctx.database.sqliteFile, destination);
      io.out(
        `Backed up ${ctx.database.sqliteFile} to ${destination} in ${Math.round(performance.now() - started)} ms.`,
      );
      return 0;
    });
  },
};

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'audit verify',
  summary: 'Check the hash chain of the audit log; exit 1 when an entry was edited or deleted',
  options: {},
  run: (_values, _positionals, io) =>
    withContext(io, async (ctx) => {
      const result = await verifyAuditLog(ctx);
      if (result.ok) {
        io.out(`Audit log intact: ${result.entries} entries verified.`);
        return 0;
      }
      io.err(
        `Audit log BROKEN at entry ${result.brokenAtSeq} (${result.reason}); ${result.entries} entries before it are intact.`,
      );
      return 1;
    }),
};
