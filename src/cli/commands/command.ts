import type { ParseArgsConfig } from 'node:util';
import { loadConfig } from '../../server/config.js';
import { createContext, type AppContext } from '../../server/context.js';
import { pino } from 'pino';

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  /** Words that select it: "seed demo". */
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Exit code; -1 keeps the process running (serve). */
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** A user mistake on the command line: printed without a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}

export function requireOption(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`--${name} is required`);
  return value.trim();
}

export function optionalOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Opens the configured database (migrated), runs `work`, and closes it. */
export async function withContext<T>(work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await createContext(config, {
    log: pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }),
  });
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}
