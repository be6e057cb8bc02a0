import fs from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { pickLocale, translate } from '../common/i18n/index.js';
import { ANONYMOUS, type Actor } from './auth/actor.js';
import { resolveActor, SESSION_COOKIE } from './auth/sessions.js';
import type { AppContext } from './context.js';
import { AppError, handleError, writeClientError } from './errors.js';
import { buildFiniteNumberValidator } from './validation.js';
import { WEB_ROOT } from './pages/document.js';
import type { App } from './http.js';
import { registerSystemRoutes } from './system/system.routes.js';
import { createHttpMetrics } from './system/metrics.js';
import { registerMediaRoutes } from './media/media.routes.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(ctx: AppContext): Promise<App> {
  const app: App = Fastify({
    loggerInstance: ctx.log,
    trustProxy:
      typeof ctx.config.trustProxy === 'number'
        ? trustHops(ctx.config.trustProxy)
        : ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: {
      // Unknown fields are an error (named in the 400), not silently dropped.
      customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true },
    },
    schemaController: { compilersFactory: { buildValidator: buildFiniteNumberValidator } },
    // Malformed URLs and over-long path parameters get the same envelope as every error.
    frameworkErrors: (error, request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const refusal = tooLong
        ? new AppError('request.uri_too_long', 414)
        : new AppError('request.bad_url', 400);
      void handleError(refusal, request, reply);
    },
    clientErrorHandler: writeClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Fastify forbids object defaults; a getter/setter pair lets the auth hook set the actor.
  const actors = new WeakMap<object, Actor>();
  app.decorateRequest('actor', {
    getter(this: object) {
      return actors.get(this) ?? ANONYMOUS;
    },
    setter(this: object, actor: Actor) {
      actors.set(this, actor);
    },
  });
  app.decorateRequest('locale', 'id');
  app.decorateRequest('t', function (this: { locale: 'id' | 'en' }, key, params) {
    return translate(this.locale, key, params);
  });

  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html') &&
      fs.existsSync(`${WEB_ROOT}index.html`);
    // The PWA routes on the client: every page URL gets its shell.
    if (wantsPage) return reply.type('text/html').sendFile('index.html');
    return handleError(new AppError('not_found', 404), request, reply);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ctx.config.mapTileSource],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Fonts, maps and the CAP documents are fetched by other origins too.
    crossOriginResourcePolicy: { policy: 'same-site' },
    hsts: ctx.config.publicUrl.startsWith('https://'),
  });
  await app.register(fastifyRateLimit, {
    global: false,
    nameSpace: `siaga-rl-${ctx.redisNamespace}`,
    ...(ctx.config.redisUrl
      ? { redis: new Redis(ctx.config.redisUrl, { maxRetriesPerRequest: 1 }) }
      : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', 429, undefined, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Siaga API',
        version: '0.1.0',
        description:
          'Community-safety platform for Indonesian police stations. Errors are `{ error: { code, message } }` with the message in the language of Accept-Language (id default, en).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const metrics = createHttpMetrics();

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    // Cookie-authenticated writes must come from our own pages: browsers always send Origin
    // or Sec-Fetch-Site on cross-site requests; tools that send neither are not browsers.
    if (!SAFE_METHODS.has(request.method) && isCrossSite(request, ctx.config.publicUrl)) {
      throw new AppError('auth.csrf', 403);
    }
    request.actor = await resolveActor(ctx, token, {
      // Touching the session would time-stamp the account beside an anonymous submission.
      touch: !request.routeOptions.config.anonymousSubmission,
    });
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime,
    );
  });

  // The job worker runs in serving processes only; tests drain jobs with runDueJobs().
  app.addHook('onListen', (done) => {
    ctx.jobs.start();
    done();
  });
  // Open streams would keep the server from closing.
  app.addHook('preClose', (done) => {
    ctx.hub.close();
    done();
  });

  registerSystemRoutes(app, ctx, metrics);
  await registerMediaRoutes(app, ctx);
  ctx.features.registerRoutes(app);

  if (fs.existsSync(WEB_ROOT)) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      // Hashed assets never change; the shell and service worker must be revalidated.
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${'/'}assets${'/'}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

function isCrossSite(request: FastifyRequest, publicUrl: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return origin === 'null';
  try {
    const originHost = new URL(origin).host;
    // request.host follows X-Forwarded-Host only from trusted proxies.
    return originHost !== request.host && originHost !== new URL(publicUrl).host;
  } catch {
    return true;
  }
}

/** Trust the nearest `hops` proxies: X-Forwarded-For is read from the right that far. */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}
