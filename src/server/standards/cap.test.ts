import { describe, expect, it } from 'vitest';
import { formatCapCircle, formatCapPolygon, formatCapTime, renderCapMessage } from './cap.js';
import { escapeXml } from './xml.js';

// What the CAP schema cannot check: it types polygon and circle as plain strings.
describe('CAP formatting', () => {
  it('writes polygons as closed "lat,lng" lists of at least 4 points', () => {
    const ring = [
      [106.8, -6.26],
      [106.84, -6.26],
      [106.84, -6.22],
      [106.8, -6.26],
    ];
    const text = formatCapPolygon(ring);
    expect(text).toBe('-6.26,106.8 -6.26,106.84 -6.22,106.84 -6.26,106.8');
    const points = text.split(' ');
    expect(points.length).toBeGreaterThanOrEqual(4);
    expect(points[0]).toBe(points[points.length - 1]);
    for (const point of points) expect(point).toMatch(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/);
  });

  it('writes circles as "lat,lng radius-km"', () => {
    expect(formatCapCircle({ lat: -6.2, lng: 106.8, radiusM: 500 })).toBe('-6.2,106.8 0.5');
    expect(formatCapCircle({ lat: -8.65, lng: 115.2167, radiusM: 50_000 })).toBe(
      '-8.65,115.2167 50',
    );
  });

  it("writes times in the station's zone with its offset, never Z", () => {
    const utc = '2026-11-25T03:00:00.000Z';
    expect(formatCapTime(utc, 'Asia/Jakarta')).toBe('2026-11-25T10:00:00+07:00');
    expect(formatCapTime(utc, 'Asia/Makassar')).toBe('2026-11-25T11:00:00+08:00');
    expect(formatCapTime(utc, 'Asia/Jayapura')).toBe('2026-11-25T12:00:00+09:00');
    expect(formatCapTime('2026-11-25T20:30:00.000Z', 'Asia/Jayapura')).toBe(
      '2026-11-26T05:30:00+09:00',
    );
    expect(formatCapTime(utc, 'UTC')).toBe('2026-11-25T03:00:00+00:00');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0007`)).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;',
    );
  });

  it('leaves out references on an Alert and writes them space-separated otherwise', () => {
    const message = {
      identifier: 'b',
      sender: 'polsek@siaga.id',
      sent: '2026-11-25T10:00:00+07:00',
      status: 'Actual',
      msgType: 'Alert',
      note: null,
      references: [] as string[],
      infos: [],
    };
    expect(renderCapMessage(message)).not.toContain('<references>');
    const update = renderCapMessage({
      ...message,
      msgType: 'Update',
      references: ['polsek@siaga.id,a,2026-11-25T09:00:00+07:00'],
    });
    expect(update).toContain(
      '<references>polsek@siaga.id,a,2026-11-25T09:00:00+07:00</references>',
    );
  });
});
