// Imported by the service worker only: a module shared with the app would become a chunk the
// classic worker script cannot import.

/** A notification as the worker shows it. */
export interface PushPayload {
  id?: string;
  title: string;
  body: string;
  url: string;
  tag?: string;
  sourceType: string;
}

/**
 * Reads what the server pushed (`{ id, title, body, url, msgType, tag, … }`); fields it left
 * out get safe defaults.
 */
export function toPushPayload(raw: unknown): PushPayload {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (key: string) => {
    const field = value[key];
    return typeof field === 'string' && field !== '' ? field : undefined;
  };
  const id = text('id') ?? text('alertId');
  const url = text('url');
  // Updates carry the thread (the original alert) as tag, so they replace its notification.
  const tag = text('tag') ?? text('references') ?? id;
  return {
    ...(id ? { id } : {}),
    title: text('title') ?? 'Siaga',
    body: text('body') ?? '',
    // Only our own pages ('/x', not '//host'): a payload must not send the user elsewhere.
    url: url && /^\/(?!\/)/.test(url) ? url : id ? `/peringatan/${encodeURIComponent(id)}` : '/',
    ...(tag ? { tag } : {}),
    sourceType: text('sourceType') ?? 'alert',
  };
}
