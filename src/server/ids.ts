import { randomBytes } from 'node:crypto';

/** The 12-bit counter after the timestamp (RFC 9562 §6.2, method 1) starts below this. */
const COUNTER_START_LIMIT = 0x800;
const COUNTER_MAX = 0xfff;

let lastMs = -1;
let counter = 0;

/**
 * UUIDv7: time-ordered, so ids sort by creation in both databases. Ids made in the same
 * millisecond (a burst, or a test clock that stands still) carry an increasing counter, so
 * they too sort in the order they were made; the rest is random.
 */
export function newId(now: number = Date.now()): string {
  if (now > lastMs || now < lastMs - 1) {
    lastMs = now;
    counter = randomBytes(2).readUInt16BE(0) % COUNTER_START_LIMIT;
  } else if (counter < COUNTER_MAX) {
    counter += 1; // the same millisecond (or the next one, borrowed below)
  } else {
    // 2,048+ ids in one millisecond: borrow the next one, as the RFC allows.
    lastMs += 1;
    counter = 0;
  }
  const ms = lastMs;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
