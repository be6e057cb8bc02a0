import { formatDateTime } from '../../../common/i18n/format.js';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../common/api/alerts.js';
import { streamUrl } from '../../api/live.js';
import { toPushPayload } from './push-payload.js';
import { applyLiveAlert } from './banners.js';
import { alertReportLink, alertText } from '../../../common/domain/alerts.js';
import { isMuted, type AlertPrefs } from './prefs.js';

const alert = (fields: Partial<AlertView>) =>
  ({
    id: 'a1',
    msgType: 'Alert',
    references: null,
    category: 'pencurian',
    severity: 'Moderate',
    target: { areas: [], circles: [], polygons: [] },
    ...fields,
  }) as AlertView; // only the fields these functions read

describe('live banners', () => {
  it('adds alerts newest first, replaces a thread on Update and clears it on Cancel', () => {
    let banners = applyLiveAlert([], alert({ id: 'a1', title: 'Satu' }));
    banners = applyLiveAlert(banners, alert({ id: 'b1', title: 'Dua' }));
    expect(banners.map((b) => b.alert.title)).toEqual(['Dua', 'Satu']);
    banners = applyLiveAlert(
      banners,
      alert({ id: 'a2', msgType: 'Update', references: 'a1', title: 'Satu lagi' }),
    );
    expect(banners.map((b) => [b.threadId, b.alert.title])).toEqual([
      ['a1', 'Satu lagi'],
      ['b1', 'Dua'],
    ]);
    banners = applyLiveAlert(banners, alert({ id: 'a3', msgType: 'Cancel', references: 'a1' }));
    expect(banners.map((b) => b.threadId)).toEqual(['b1']);
  });
});

describe('muting', () => {
  const prefs: AlertPrefs = {
    areas: [],
    mutedCategories: ['pencurian'],
    drills: false,
    location: null,
  };
  it('mutes a muted category unless the alert is Severe or Extreme', () => {
    expect(isMuted(prefs, { category: 'pencurian', severity: 'Moderate' })).toBe(true);
    expect(isMuted(prefs, { category: 'banjir', severity: 'Moderate' })).toBe(false);
    expect(isMuted(prefs, { category: 'pencurian', severity: 'Severe' })).toBe(false);
    expect(isMuted(prefs, { category: 'pencurian', severity: 'Extreme' })).toBe(false);
  });
});

describe('stream url', () => {
  it('names device areas, the allowed point, drills and a last id only when set', () => {
    expect(streamUrl({ areas: [], location: null, drills: false })).toBe('/api/stream');
    expect(
      streamUrl(
        { areas: ['31.71', '35.07.19.2001'], location: { lat: -6.2, lng: 106.8 }, drills: true },
        'e1',
      ),
    ).toBe('/api/stream?areas=31.71%2C35.07.19.2001&lat=-6.2&lng=106.8&drills=1&lastEventId=e1');
  });
});

describe('report link', () => {
  it('links the report form to the alert and its first area', () => {
    const areas = [
      { code: '35.07.19.2001', name: 'Ardimulyo' },
      { code: '35.07.19.2002', name: 'Candirenggo' },
    ];
    expect(alertReportLink(alert({ id: 'x9', target: { areas, circles: [], polygons: [] } }))).toBe(
      '/lapor?alert=x9&area=35.07.19.2001',
    );
    expect(alertReportLink(alert({ id: 'x9' }))).toBe('/lapor?alert=x9');
  });
});

describe('push payload', () => {
  it('keeps the server fields and tags updates with their thread', () => {
    expect(
      toPushPayload({
        id: 'u2',
        title: 'Banjir',
        body: 'Air naik',
        url: '/peringatan/u2',
        references: 'u1',
      }),
    ).toEqual({
      id: 'u2',
      title: 'Banjir',
      body: 'Air naik',
      url: '/peringatan/u2',
      tag: 'u1',
      sourceType: 'alert',
    });
  });
  it('never opens another site and survives an empty payload', () => {
    expect(toPushPayload({ id: 'a1', title: 'X', url: '//evil.example/x' }).url).toBe(
      '/peringatan/a1',
    );
    expect(toPushPayload({ id: 'a1', title: 'X', url: 'https://evil.example/' }).url).toBe(
      '/peringatan/a1',
    );
    expect(toPushPayload(null)).toEqual({
      title: 'Siaga',
      body: '',
      url: '/',
      sourceType: 'alert',
    });
  });
});

describe('alert text', () => {
  const both = alert({
    title: 'Banjir',
    body: 'Air naik',
    instruction: null,
    titleEn: 'Flood',
    bodyEn: 'Water rising',
    instructionEn: null,
  });
  it('uses the English text only when the UI is English and the alert has it', () => {
    expect(alertText(both, 'en')).toMatchObject({
      title: 'Flood',
      body: 'Water rising',
      lang: 'en',
    });
    expect(alertText(both, 'id')).toMatchObject({ title: 'Banjir', body: 'Air naik', lang: 'id' });
    const onlyId = alert({ title: 'Banjir', body: 'Air naik', titleEn: null, bodyEn: null });
    expect(alertText(onlyId, 'en')).toMatchObject({ title: 'Banjir', lang: 'id' });
  });
  it('shows times in WIB (UTC+7)', () => {
    expect(formatDateTime('2026-11-25T23:30:00Z', 'id')).toMatch(/26 Nov 2026.*06\.30 WIB$/);
    expect(formatDateTime('2026-11-25T23:30:00Z', 'en')).toMatch(/26 Nov 2026.*06:30 WIB$/);
  });
});
