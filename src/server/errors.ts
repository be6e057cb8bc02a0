import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  DEFAULT_LOCALE,
  isMessageKey,
  pickLocale,
  translate,
  type Locale,
  type MessageParams,
} from '../common/i18n/index.js';
import { fieldProblems } from '../common/validation/field-problems.js';

/**
 * The one error type. `code` is stable (`feature.reason`) and names the catalog entry
 * `error.<code>` that gives the message in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    readonly params?: MessageParams,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, params?: MessageParams) => new AppError(code, 400, params);
export const unauthorized = (code = 'auth.required') => new AppError(code, 401);
export const forbidden = (code = 'auth.forbidden') => new AppError(code, 403);
export const notFound = (code = 'not_found') => new AppError(code, 404);
export const conflict = (code: string, params?: MessageParams) => new AppError(code, 409, params);

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

// Router errors (bad URL, over-long parameter) arrive before the request was decorated.
const localeOf = (request: FastifyRequest): Locale =>
  request.locale ?? pickLocale(request.headers['accept-language']);

function messageFor(request: FastifyRequest, code: string, params?: MessageParams): string {
  const key = `error.${code}`;
  return isMessageKey(key) ? translate(localeOf(request), key, params) : code;
}

/** Maps AppError, schema errors and anything unknown to `{ error: { code, message } }`. */
export function handleError(
  error: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    const message = messageFor(request, error.code, error.params);
    const body: ErrorBody = { error: { code: error.code, message } };
    if (error.details) body.error.details = withFieldMessages(error.details, message);
    return reply.status(error.statusCode).send(body);
  }
  if (error.validation) {
    const context = error.validationContext;
    const fields = fieldProblems(
      error.validation,
      localeOf(request),
      context === 'body' || context === undefined ? '' : context,
    );
    const body: ErrorBody = {
      error: {
        code: 'validation.failed',
        message: messageFor(request, 'validation.failed'),
        details: { fields },
      },
    };
    return reply.status(400).send(body);
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: messageFor(request, 'internal') } });
  }
  // Fastify's own 4xx (bad JSON, wrong content type, body too large, rate limits).
  const code = fastifyErrorCode(error, status);
  return reply.status(status).send({ error: { code, message: messageFor(request, code) } });
}

function fastifyErrorCode(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'request.unsupported_media_type';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request.body_too_large';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'validation.invalid_json';
    default:
      if (status === 429) return 'rate_limited';
      if (status === 404) return 'not_found';
      return 'validation.invalid_json';
  }
}

/**
 * Rule errors that name fields (`invalidFields`, geo points, push keys) are about all of them:
 * each field without its own message gets the error's, so a form can show it under the field.
 */
function withFieldMessages(details: Record<string, unknown>, message: string) {
  if (!Array.isArray(details.fields)) return details;
  const fields = (details.fields as Array<Record<string, unknown>>).map((item) => ({
    message,
    ...item,
  }));
  return { ...details, fields };
}

/** A 400 that names the offending fields, like schema errors do (`details.fields`). */
export const invalidFields = (code: string, fields: string[], params?: MessageParams) =>
  new AppError(code, 400, params, { fields: fields.map((field) => ({ field, problem: code })) });

/**
 * Errors Node's HTTP parser raises before a request exists (oversized headers or query,
 * garbage): the same envelope, in the default language since no header could be read.
 */
export function writeClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request.header_too_large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.bad_request']
        : [400, 'request.bad_request'];
  const key = `error.${code}`;
  const message = isMessageKey(key) ? translate(DEFAULT_LOCALE, key) : code;
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
