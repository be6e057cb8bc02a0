import type { CliIo } from '../../src/cli/commands/command.js';
import { runCli } from '../../src/cli/run.js';
import type { TestContext } from './context.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs a `siaga` command line in-process against the test context's database. */
export async function runCliOn(
  t: TestContext,
  argv: string[],
  extra: Partial<CliIo> = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: {},
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    // The test owns the context: the command's close() must not end it.
    openContext: () => Promise.resolve({ ...t.ctx, close: () => Promise.resolve() }),
    ...extra,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
