import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../i18n/format.js';
import { fromWallTime, toWallTime, zoneName } from './zoned-time.js';

describe('times on a station clock', () => {
  it('reads a wall time in WIB, WITA and WIT as the right instant and back', () => {
    expect(fromWallTime('2026-12-31T17:00', 'Asia/Jakarta')).toBe('2026-12-31T10:00:00.000Z');
    expect(fromWallTime('2026-12-31T17:00', 'Asia/Makassar')).toBe('2026-12-31T09:00:00.000Z');
    expect(fromWallTime('2026-12-31T17:00', 'Asia/Jayapura')).toBe('2026-12-31T08:00:00.000Z');
    // Across midnight and the year's end.
    expect(toWallTime('2026-12-31T16:30:00.000Z', 'Asia/Jayapura')).toBe('2027-01-01T01:30');
    expect(fromWallTime('', 'Asia/Makassar')).toBeUndefined();
    expect(fromWallTime('31/12/2026 17:00', 'Asia/Makassar')).toBeUndefined();
  });

  it('settles on the offset after a daylight-saving change elsewhere', () => {
    // New York moved from UTC-5 to UTC-4 at 02:00 on 8 March 2026.
    expect(fromWallTime('2026-03-08T12:00', 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
    expect(fromWallTime('2026-03-07T12:00', 'America/New_York')).toBe('2026-03-07T17:00:00.000Z');
  });

  it('names the Indonesian zones as Indonesians do, in either language', () => {
    expect(
      ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'].map(zoneName),
    ).toEqual(['WIB', 'WIB', 'WITA', 'WIT']);
    const at = '2026-12-31T09:00:00.000Z';
    expect(formatDateTime(at, 'id', 'Asia/Makassar', 'full')).toBe(
      'Kamis, 31 Desember 2026 pukul 17.00 WITA',
    );
    expect(formatDateTime(at, 'en', 'Asia/Makassar', 'full')).toBe(
      'Thursday, 31 December 2026 at 17:00 WITA',
    );
    expect(formatDateTime(at, 'id')).toBe('31 Des 2026, 16.00 WIB');
  });
});
