import { getLocale } from '../i18n/locale.js';
import type { FieldProblem } from '../../common/validation/field-problems.js';

/** A field the API names; `message` is absent only from servers older than per-field messages. */
export type NamedField = Pick<FieldProblem, 'field'> & Partial<FieldProblem>;

/** An error answered by the API: `{ error: { code, message, details? } }`, message already translated. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The fields the error names (`details.fields`), each with its translated message. */
  fieldProblems(): NamedField[] {
    const fields = this.details?.fields;
    if (!Array.isArray(fields)) return [];
    return (fields as unknown[]).filter(isFieldProblem);
  }
}

function isFieldProblem(value: unknown): value is NamedField {
  return (
    typeof value === 'object' && value !== null && typeof (value as NamedField).field === 'string'
  );
}

/** The client's own code when the network fails: the UI shows a translated message for it. */
export const NETWORK_ERROR = 'web.network';
/** Codes meaning "no connection": ours, and the service worker's when nothing was cached. */
export const OFFLINE_CODES: ReadonlySet<string> = new Set([NETWORK_ERROR, 'web.offline']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body sent as `text/csv` as it is, instead of as JSON. */
export class CsvBody {
  constructor(readonly text: string) {}
}

/**
 * Calls the API with the session cookie and the chosen language; resolves to the JSON body
 * (undefined for 204) or throws an ApiError.
 */
export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  /** Credentials other than the session, e.g. a report's tracking secret. */
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': getLocale(),
    ...extraHeaders,
  };
  const isCsv = body instanceof CsvBody;
  if (body !== undefined) headers['content-type'] = isCsv ? 'text/csv' : 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: isCsv ? body.text : JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  if (response.status === 204) return undefined as T; // callers of 204 routes ask for void
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T; // the server's response schema guarantees the shape
}

export function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      status,
      error.code,
      typeof error.message === 'string' ? error.message : error.code,
      typeof error.details === 'object' && error.details !== null
        ? (error.details as Record<string, unknown>)
        : undefined,
    );
  }
  return new ApiError(status, 'internal', '');
}
