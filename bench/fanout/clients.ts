import net from 'node:net';
import {
  AREA_COUNT,
  TARGETED_AREAS,
  areaCode,
  preciseNow,
  type FromClients,
  type ToClients,
} from './protocol.js';

/** One SSE connection as raw TCP: the client side must stay light next to 5,000 of them. */
interface Client {
  socket: net.Socket;
  expected: boolean;
  receivedAt: number | undefined;
  /** The end of the previous chunk, so a marker split across chunks is still found. */
  tail: string;
}

const MAX_CONNECTING = 100;
const clients: Client[] = [];
const send = (message: FromClients) => process.send!(message);

function connectAll(port: number, first: number, count: number): void {
  let next = first;
  let connecting = 0;
  let ok = 0;
  let failed = 0;
  const done = () => {
    if (ok + failed === count) send({ type: 'connected', ok, failed });
  };
  const openNext = () => {
    while (connecting < MAX_CONNECTING && next < first + count) {
      const index = next;
      next += 1;
      connecting += 1;
      const socket = net.connect(port, '127.0.0.1');
      const client: Client = {
        socket,
        expected: index % AREA_COUNT < TARGETED_AREAS,
        receivedAt: undefined,
        tail: '',
      };
      let open = false;
      socket.setEncoding('latin1');
      socket.on('connect', () => {
        socket.write(
          `GET /api/stream?areas=${areaCode(index % AREA_COUNT)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`,
        );
      });
      socket.on('data', (chunk: string) => {
        const text = client.tail + chunk;
        client.tail = text.slice(-16);
        if (!open && text.includes('retry:')) {
          open = true;
          connecting -= 1;
          ok += 1;
          clients.push(client);
          done();
          openNext();
        }
        if (client.receivedAt === undefined && text.includes('event: alert')) {
          client.receivedAt = preciseNow();
        }
      });
      socket.on('error', () => {
        if (open) return;
        open = true;
        connecting -= 1;
        failed += 1;
        done();
        openNext();
      });
    }
  };
  openNext();
}

function report(deadline: number): void {
  // Each round measures one event afresh.
  for (const client of clients) client.receivedAt = undefined;
  const expected = clients.filter((c) => c.expected);
  const check = () => {
    const all = expected.every((c) => c.receivedAt !== undefined);
    if (!all && Date.now() < deadline) {
      setTimeout(check, 20);
      return;
    }
    // A moment more, so a wrongly targeted event would have arrived too.
    setTimeout(() => {
      send({
        type: 'result',
        received: expected.flatMap((c) => (c.receivedAt === undefined ? [] : [c.receivedAt])),
        expected: expected.length,
        unexpected: clients.filter((c) => !c.expected && c.receivedAt !== undefined).length,
      });
    }, 300);
  };
  check();
}

process.on('message', (message: ToClients) => {
  switch (message.type) {
    case 'connect':
      connectAll(message.port, message.first, message.count);
      break;
    case 'expect':
      report(Date.now() + message.deadlineMs);
      break;
    case 'stop':
      for (const client of clients) client.socket.destroy();
      process.exit(0);
  }
});
