import { parseArgs } from 'node:util';
import { isMessageKey, translate } from '../common/i18n/index.js';
import { ConfigError } from '../server/config.js';
import { AppError } from '../server/errors.js';
import { processIo, type CliIo, type OptionValues } from './commands/command.js';
import { commands, type Command } from './commands/index.js';

export const HELP = `siaga — community-safety platform for Indonesian police stations

Usage: siaga <command> [options]     (siaga <command> --help for its options)

Commands:
${commands.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}

Configuration comes from SIAGA_* environment variables (see .env.example).`;

function findCommand(words: string[]): { command: Command; rest: string[] } | undefined {
  // Longest match first: "seed demo" before "seed".
  const sorted = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const command of sorted) {
    const parts = command.name.split(' ');
    if (parts.every((part, i) => words[i] === part))
      return { command, rest: words.slice(parts.length) };
  }
  return undefined;
}

/**
 * Runs one command line and returns its exit code (-1: `serve` keeps running). Every failure
 * is printed on `io.err` as one readable message: exit 1, or 2 for an unknown command.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(HELP);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: found.rest,
      options: { ...found.command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    // No command declares `multiple` options, so every value is a string or a boolean.
    const options = values as OptionValues;
    if (options.help) {
      io.out(`Usage: siaga ${found.command.usage}\n\n${found.command.summary}`);
      return 0;
    }
    return await found.command.run(options, positionals, io);
  } catch (err) {
    io.err(describeError(err));
    return 1;
  }
}

/** One line for mistakes (ours, parseArgs', the services'); the stack only for real bugs. */
function describeError(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  if (err instanceof AppError) {
    const key = `error.${err.code}`;
    const message = isMessageKey(key) ? translate('en', key, err.params) : err.code;
    const fields = fieldsOf(err.details);
    return `Error: ${message} (${err.code}${fields ? `; ${fields}` : ''})`;
  }
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const isUserError =
    err.name === 'CliError' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
  return isUserError ? `Error: ${err.message}` : (err.stack ?? err.message);
}

function fieldsOf(details: Record<string, unknown> | undefined): string {
  if (!details) return '';
  if (typeof details.field === 'string') return `field ${details.field}`;
  if (Array.isArray(details.fields)) {
    const names = (details.fields as Array<{ field?: unknown }>).map((f) => String(f.field));
    return `fields ${names.join(', ')}`;
  }
  return '';
}
