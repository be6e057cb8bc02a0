import net from 'node:net';

const MAX_CONNECTING = 100;

/**
 * Opens `count` SSE connections as raw TCP (light enough for thousands per process), at most
 * 100 connecting at once. A connection counts as open once the server's `retry:` line arrived
 * (it is subscribed by then); `onOpen` returns the handler for everything it receives.
 */
export function connectSseClients(options: {
  port: number;
  path: string;
  count: number;
  onOpen: (socket: net.Socket, index: number) => (chunk: string) => void;
  onSettled: (ok: number, failed: number) => void;
}): void {
  let started = 0;
  let connecting = 0;
  let ok = 0;
  let failed = 0;
  const settle = (succeeded: boolean) => {
    connecting -= 1;
    if (succeeded) ok += 1;
    else failed += 1;
    if (ok + failed === options.count) options.onSettled(ok, failed);
    else openNext();
  };
  const openNext = () => {
    while (connecting < MAX_CONNECTING && started < options.count) {
      const index = started;
      started += 1;
      connecting += 1;
      const socket = net.connect(options.port, '127.0.0.1');
      let onData: ((chunk: string) => void) | undefined;
      let settled = false;
      // The marker may be split across chunks: keep the end of the previous one.
      let tail = '';
      socket.setEncoding('latin1');
      socket.on('connect', () => {
        socket.write(
          `GET ${options.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
        );
      });
      socket.on('data', (chunk: string) => {
        if (!onData) {
          const text = tail + chunk;
          tail = text.slice(-16);
          if (!text.includes('retry:')) return;
          settled = true;
          onData = options.onOpen(socket, index);
          settle(true);
        }
        onData(chunk);
      });
      socket.on('error', () => {
        if (settled) return;
        settled = true;
        settle(false);
      });
    }
  };
  openNext();
}
