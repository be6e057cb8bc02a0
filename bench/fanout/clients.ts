import net from 'node:net';
import { TARGET_VILLAGE, preciseNow, type FromClients, type ToClients } from './protocol.js';

/** One SSE connection as raw TCP: the client side must stay light next to 5,000 of them. */
interface Client {
  socket: net.Socket;
  receivedAt: number | undefined;
  /** The end of the previous chunk, so a marker split across chunks is still found. */
  tail: string;
}

const MAX_CONNECTING = 100;
const clients: Client[] = [];
const send = (message: FromClients) => process.send!(message);

/** Counts a client as connected once the server's `retry:` line arrived: it is subscribed by then. */
function connectAll(port: number, count: number): void {
  let started = 0;
  let connecting = 0;
  let ok = 0;
  let failed = 0;
  const done = () => {
    if (ok + failed === count) send({ type: 'connected', ok, failed });
  };
  const settle = (succeeded: boolean) => {
    connecting -= 1;
    if (succeeded) ok += 1;
    else failed += 1;
    done();
    openNext();
  };
  const openNext = () => {
    while (connecting < MAX_CONNECTING && started < count) {
      started += 1;
      connecting += 1;
      const socket = net.connect(port, '127.0.0.1');
      const client: Client = { socket, receivedAt: undefined, tail: '' };
      let open = false;
      socket.setEncoding('latin1');
      socket.on('connect', () => {
        socket.write(
          `GET /api/stream?areas=${TARGET_VILLAGE} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
        );
      });
      socket.on('data', (chunk: string) => {
        const text = client.tail + chunk;
        client.tail = text.slice(-16);
        if (!open && text.includes('retry:')) {
          open = true;
          clients.push(client);
          settle(true);
        }
        if (client.receivedAt === undefined && text.includes('event: alert')) {
          client.receivedAt = preciseNow();
        }
      });
      socket.on('error', () => {
        if (open) return;
        open = true;
        settle(false);
      });
    }
  };
  openNext();
}

function report(deadline: number): void {
  // Each round measures one alert afresh.
  for (const client of clients) client.receivedAt = undefined;
  const check = () => {
    const all = clients.every((c) => c.receivedAt !== undefined);
    if (!all && Date.now() < deadline) {
      setTimeout(check, 10);
      return;
    }
    send({
      type: 'result',
      received: clients.flatMap((c) => (c.receivedAt === undefined ? [] : [c.receivedAt])),
      expected: clients.length,
    });
  };
  check();
}

process.on('message', (message: ToClients) => {
  switch (message.type) {
    case 'connect':
      connectAll(message.port, message.count);
      break;
    case 'expect':
      report(Date.now() + message.deadlineMs);
      break;
    case 'stop':
      for (const client of clients) client.socket.destroy();
      process.exit(0);
  }
});
