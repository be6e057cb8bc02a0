import http from 'node:http';

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** A real HTTP client reading a text/event-stream, as a browser's EventSource would. */
export interface SseClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The `retry:` value the server announced. */
  retry: number | undefined;
  /** Comment lines (heartbeats) seen so far. */
  comments: number;
  /** Every event received so far, in order. */
  received: SseEvent[];
  /** The next event not yet taken, waiting for it up to `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/**
 * Opens a stream and resolves once the server has sent its `retry:` line, i.e. once the
 * connection is registered and will receive live events.
 */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } });
    request.on('error', reject);
    request.on('response', (response) => {
      const waiting: Array<(event: SseEvent) => void> = [];
      let taken = 0;
      let buffer = '';
      const client: SseClient = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        retry: undefined,
        comments: 0,
        received: [],
        next(timeoutMs = 5000) {
          const ready = client.received[taken];
          if (ready) {
            taken += 1;
            return Promise.resolve(ready);
          }
          return new Promise((resolveNext, rejectNext) => {
            const timer = setTimeout(
              () => rejectNext(new Error(`no event within ${timeoutMs} ms on ${url}`)),
              timeoutMs,
            );
            waiting.push((event) => {
              clearTimeout(timer);
              taken += 1;
              resolveNext(event);
            });
          });
        },
        close() {
          request.destroy();
        },
      };
      if (client.status !== 200) {
        response.resume();
        resolve(client);
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { id: undefined, event: 'message', data: '' };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments += 1;
            else if (line.startsWith('retry: ')) {
              client.retry = Number(line.slice(7));
              resolve(client);
            } else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data += line.slice(6);
              isEvent = true;
            }
          }
          if (!isEvent) continue;
          client.received.push(event);
          waiting.shift()?.(event);
        }
      });
    });
  });
}
