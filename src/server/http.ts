import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Locale, MessageKey, MessageParams } from '../common/i18n/index.js';
import type { Actor } from './auth/actor.js';

/** The Fastify instance every feature registers its routes on. */
export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route takes submissions that may be anonymous (reports, tips): its request log lines
     * carry no address, user agent or URL, and the caller's session is not touched.
     */
    anonymousSubmission?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t(key: MessageKey, params?: MessageParams): string;
  }
}
