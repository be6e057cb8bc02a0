import type net from 'node:net';
import { TARGET_VILLAGE, preciseNow, type FromClients, type ToClients } from './protocol.js';
import { connectSseClients } from './sse-connect.js';

/** One SSE connection as raw TCP: the client side must stay light next to 5,000 of them. */
interface Client {
  socket: net.Socket;
  receivedAt: number | undefined;
  /** The end of the previous chunk, so a marker split across chunks is still found. */
  tail: string;
}

const clients: Client[] = [];
const send = (message: FromClients) => process.send!(message);

function connectAll(port: number, count: number): void {
  connectSseClients({
    port,
    path: `/api/stream?areas=${TARGET_VILLAGE}`,
    count,
    onOpen: (socket) => {
      const client: Client = { socket, receivedAt: undefined, tail: '' };
      clients.push(client);
      return (chunk) => {
        const text = client.tail + chunk;
        client.tail = text.slice(-16);
        if (client.receivedAt === undefined && text.includes('event: alert')) {
          client.receivedAt = preciseNow();
        }
      };
    },
    onSettled: (ok, failed) => send({ type: 'connected', ok, failed }),
  });
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
