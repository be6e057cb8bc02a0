import type { ParseArgsConfig } from 'node:util';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../server/config.js';
import { createContext } from '../../server/compose.js';
import type { AppContext } from '../../server/context.js';
import type { RunningServer } from '../../server/main.js';

export type OptionValues = Record<string, string | boolean | undefined>;

/** Where a command reads its environment and writes its output: the process, or a test. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
  /** Opens the configured database, migrated. Tests hand in their own context. */
  openContext(config: Config): Promise<AppContext>;
  /** Told when `serve` is listening, so a test can reach and stop the server. */
  onServing?(server: RunningServer): void;
}

export interface Command {
  /** Words that select it: "seed demo". */
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Exit code; -1 keeps the process running (serve). */
  run(values: OptionValues, positionals: string[], io: CliIo): Promise<number>;
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

/** The real process: its environment, stdout/stderr and the configured database. */
export function processIo(): CliIo {
  return {
    env: process.env,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    openContext: (config) =>
      createContext(config, {
        // Commands report on stdout; the log only carries warnings unless asked for more.
        log: pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel }),
      }),
  };
}

/** Opens the configured database (migrated), runs `work`, and closes it. */
export async function withContext<T>(io: CliIo, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await io.openContext(loadConfig(io.env));
  try {
    return await work(ctx);
  } finally {
    await ctx.close();
  }
}

/** Seconds with one decimal, for "imported … in 2.3 s". */
export function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/**
 * Checks input against the API's request schema, so the CLI accepts exactly what the HTTP API
 * does; `--option` names stand in for the JSON fields.
 */
export function assertMatches<T>(schema: TSchema, value: T, optionOf: Record<string, string>): T {
  const problems = [...Value.Errors(schema, value)].map((error) => {
    const field = error.instancePath.split('/')[1] ?? '';
    return `--${optionOf[field] ?? field}: ${error.message}`;
  });
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  return value;
}
