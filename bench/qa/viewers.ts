import { preciseNow } from '../fanout/protocol.js';
import { connectSseClients } from '../fanout/sse-connect.js';
import type { FromViewers, ToViewers } from './protocol.js';

/** One viewer as raw TCP, light enough for thousands per process. */
interface Viewer {
  /** Unparsed text after the last complete frame. */
  rest: string;
  lastVotes: number;
  /** For sampled viewers: when each count (index count - 1) arrived. */
  seenAt: number[] | undefined;
}

const VOTES = /"votes":(\d+)/g;
const viewers: Viewer[] = [];
const send = (message: FromViewers) => process.send!(message);

function onFrames(viewer: Viewer, chunk: string): void {
  const text = viewer.rest + chunk;
  const end = text.lastIndexOf('\n\n');
  if (end === -1) {
    viewer.rest = text;
    return;
  }
  viewer.rest = text.slice(end + 2);
  const now = viewer.seenAt ? preciseNow() : 0;
  for (const match of text.slice(0, end).matchAll(VOTES)) {
    const votes = Number(match[1]);
    if (votes <= viewer.lastVotes) continue;
    // A count is visible once it or a later one arrives (the server may skip steps).
    if (viewer.seenAt) for (let k = viewer.lastVotes; k < votes; k += 1) viewer.seenAt[k] = now;
    viewer.lastVotes = votes;
  }
}

function connectAll(port: number, path: string, count: number, sampleEvery: number): void {
  connectSseClients({
    port,
    path,
    count,
    onOpen: (_socket, index) => {
      const viewer: Viewer = {
        rest: '',
        lastVotes: 0,
        seenAt: index % sampleEvery === 0 ? [] : undefined,
      };
      viewers.push(viewer);
      return (chunk) => onFrames(viewer, chunk);
    },
    onSettled: (ok, failed) => send({ type: 'connected', ok, failed }),
  });
}

function collect(sentAt: number[], waitForVotes: number, deadline: number): void {
  const check = () => {
    const done = viewers.every((viewer) => viewer.lastVotes >= waitForVotes);
    if (!done && Date.now() < deadline) {
      setTimeout(check, 50);
      return;
    }
    const latencies: number[] = [];
    for (const viewer of viewers) {
      viewer.seenAt?.forEach((at, index) => {
        const sent = sentAt[index];
        if (at !== undefined && sent !== undefined && Number.isFinite(sent))
          latencies.push(at - sent);
      });
    }
    send({
      type: 'collected',
      latencies,
      onFinalCount: viewers.filter((viewer) => viewer.lastVotes === waitForVotes).length,
      viewers: viewers.length,
    });
  };
  check();
}

process.on('message', (message: ToViewers) => {
  switch (message.type) {
    case 'connect':
      connectAll(message.port, message.path, message.count, message.sampleEvery);
      break;
    case 'collect':
      collect(message.sentAt, message.waitForVotes, Date.now() + message.deadlineMs);
      break;
    case 'stop':
      process.exit(0);
  }
});
