import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { createContext } from './compose.js';
import type { AppContext, ContextOptions } from './context.js';
import type { App } from './http.js';

export interface RunningServer {
  ctx: AppContext;
  app: App;
  url: string;
  stop(): Promise<void>;
}

/** loadConfig → compose (createContext) → buildApp → listen, with graceful shutdown on SIGTERM/SIGINT. */
export async function startServer(
  options: {
    config?: Config;
    context?: ContextOptions;
    onReady?: (ctx: AppContext) => Promise<void>;
  } = {},
): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const ctx = await createContext(config, options.context);
  await options.onReady?.(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl;
  // performance.now() counts from process start, so this includes loading the code.
  const startMs = Math.round(performance.now());
  ctx.log.info({ url, startMs }, `Siaga is listening on ${url} (started in ${startMs} ms)`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      ctx.log.info('shutting down');
      await app.close();
      await ctx.close();
    })();
    return stopping;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (err: unknown) => {
          ctx.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { ctx, app, url, stop };
}
