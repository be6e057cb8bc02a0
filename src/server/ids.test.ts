import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

describe('newId', () => {
  it('is a version 7 UUID carrying the time', () => {
    const id = newId(Date.UTC(2026, 11, 2, 3, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 2, 3, 0, 0));
  });

  it('sorts in the order made, also within one millisecond and past the counter', () => {
    const at = Date.UTC(2026, 11, 2, 3, 0, 1);
    const ids = Array.from({ length: 5000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // A later millisecond still sorts after the borrowed ones.
    expect(newId(at + 5) > ids.at(-1)!).toBe(true);
  });
});
