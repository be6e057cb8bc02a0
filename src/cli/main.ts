import { parseArgs } from 'node:util';
import { ConfigError } from '../server/config.js';
import type { OptionValues } from './commands/command.js';
import { commands, type Command } from './commands/index.js';

const HELP = `siaga — community-safety platform for Indonesian police stations

Usage: siaga <command> [options]

Commands:
${commands.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}

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

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(HELP);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: found.rest,
    options: { ...found.command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  // No command declares `multiple` options, so every value is a string or a boolean.
  const options = values as OptionValues;
  if (options.help) {
    console.log(`Usage: siaga ${found.command.usage}\n\n${found.command.summary}`);
    return 0;
  }
  return found.command.run(options, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    // `serve` keeps the process alive itself; every other command ends here.
    if (code !== undefined && code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (isUserError(err)) console.error(`Error: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  },
);

/** Mistakes on the command line (ours, or parseArgs' unknown/missing options): no stack trace. */
function isUserError(err: unknown): err is Error {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return err.name === 'CliError' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}
