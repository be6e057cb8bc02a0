import { backupSqlite } from '../../server/db/database.js';
import {
  formatAuditHead,
  parseAuditHead,
  readAuditHead,
  verifyAuditLog,
} from '../../server/features/audit/audit.service.js';
import { CliError, optionalOption, requireOption, withContext, type Command } from './command.js';

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
  usage: 'audit verify [--head SEQ:HASH]',
  summary:
    'Check the keyed hash chain of the audit log, up to a head kept elsewhere with --head; exit 1 when an entry was edited or deleted',
  options: { head: { type: 'string' } },
  run: (values, _positionals, io) => {
    const anchorText = optionalOption(values, 'head');
    const anchor = anchorText === undefined ? undefined : parseAuditHead(anchorText);
    if (anchorText !== undefined && !anchor) {
      throw new CliError('--head must be SEQ:HASH as `siaga audit head` prints it');
    }
    return withContext(io, async (ctx) => {
      const result = await verifyAuditLog(ctx, anchor ? { anchor } : {});
      if (result.ok) {
        const upTo = anchor ? `, including ${formatAuditHead(anchor)}` : '';
        io.out(`Audit log intact: ${result.entries} entries verified${upTo}.`);
        return 0;
      }
      io.err(
        `Audit log BROKEN at entry ${result.brokenAtSeq} (${result.reason}); ${result.entries} entries before it are intact.`,
      );
      return 1;
    });
  },
};

export const auditHeadCommand: Command = {
  name: 'audit head',
  usage: 'audit head',
  summary:
    'Print the audit log’s current head SEQ:HASH (after verifying it) for keeping outside the database',
  options: {},
  run: (_values, _positionals, io) =>
    withContext(io, async (ctx) => {
      const result = await verifyAuditLog(ctx);
      if (!result.ok) {
        io.err(
          `Audit log BROKEN at entry ${result.brokenAtSeq} (${result.reason}): no head to keep.`,
        );
        return 1;
      }
      const head = await readAuditHead(ctx);
      if (!head) throw new CliError('The audit log is empty: there is no head yet.');
      io.out(formatAuditHead(head));
      return 0;
    }),
};
