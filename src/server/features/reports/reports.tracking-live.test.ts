import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportTracking, SubmittedReport } from '../../../common/api/reports.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import { openSse, type SseClient } from '../../../../test/helpers/sse.js';
import { buildPeople, buildSouthJakartaWorld } from '../../../../test/helpers/station-world.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logging.js';

describe('the live tracking page', () => {
  const lines: string[] = [];
  const open: SseClient[] = [];
  let t: TestContext;
  let base: string;
  let officer: string;
  let report: SubmittedReport;

  const connect = async (code: string, secret?: string) => {
    const client = await openSse(
      `${base}/api/reports/track/${code}/events`,
      secret === undefined ? {} : { 'x-tracking-secret': secret },
    );
    open.push(client);
    return client;
  };
  const asOfficer = (method: 'PATCH' | 'POST', url: string, payload: object) =>
    t.app.inject({ method, url, headers: { cookie: officer }, payload });
  const viewOf = (event: { data: string }) => JSON.parse(event.data) as ReportTracking;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await createTestContext({
      log: createLogger(loadConfig({ SIAGA_LOG_LEVEL: 'info' }), sink),
    });
    const { polsek } = await buildSouthJakartaWorld(t);
    ({
      officer: { cookie: officer },
    } = await buildPeople(t, { officer: { stationId: polsek.id, role: 'officer' } }));
    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: {
        category: 'pencurian',
        areaCode: '31.74.07.1001',
        description: 'Sepeda motor hilang dari parkiran warung tadi malam.',
      },
    });
    expect(submitted.statusCode).toBe(201);
    report = submitted.json<SubmittedReport>();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const client of open) client.close();
    await t.close();
  });

  it('streams the view, then each status change, public reply and message, never a note', async () => {
    const client = await connect(report.trackingCode, report.secret);
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const first = await client.next();
    expect(first.event).toBe('tracking');
    expect(viewOf(first)).toMatchObject({ trackingCode: report.trackingCode, status: 'diterima' });

    const url = `/api/reports/${report.id}`;
    expect((await asOfficer('PATCH', url, { status: 'diverifikasi' })).statusCode).toBe(200);
    expect(viewOf(await client.next()).status).toBe('diverifikasi');

    expect((await asOfficer('POST', `${url}/notes`, { body: 'Cek CCTV.' })).statusCode).toBe(201);
    const reply = 'Terima kasih, petugas kami memeriksa lokasi.';
    expect((await asOfficer('POST', `${url}/replies`, { body: reply })).statusCode).toBe(201);
    // The note sent nothing: the next event is the reply.
    const replied = viewOf(await client.next());
    expect(replied.messages.map((m) => [m.from, m.body])).toEqual([['station', reply]]);
    expect(JSON.stringify(replied)).not.toContain('Cek CCTV');

    const message = await t.app.inject({
      method: 'POST',
      url: `/api/reports/track/${report.trackingCode}/messages`,
      headers: { 'x-tracking-secret': report.secret },
      payload: { body: 'Motornya Honda Beat merah.' },
    });
    expect(message.statusCode).toBe(201);
    const withMessage = viewOf(await client.next());
    expect(withMessage.messages.at(-1)).toMatchObject({ from: 'reporter' });

    // Each event's id is the ETag the polling fallback sends back.
    const polled = await t.app.inject({
      method: 'GET',
      url: `/api/reports/track/${report.trackingCode}`,
      headers: { 'x-tracking-secret': report.secret },
    });
    expect(polled.statusCode).toBe(200);
    expect(polled.headers.etag).toBe(client.received.at(-1)!.id);
    const unchanged = await t.app.inject({
      method: 'GET',
      url: `/api/reports/track/${report.trackingCode}`,
      headers: { 'x-tracking-secret': report.secret, 'if-none-match': polled.headers.etag! },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
  });

  it('answers 404 without the secret or with a wrong one, like the track route', async () => {
    expect((await connect(report.trackingCode)).status).toBe(404);
    expect((await connect(report.trackingCode, 'salah-rahasia')).status).toBe(404);
    expect((await connect('SGA-0000-0000', report.secret)).status).toBe(404);
  });

  it('is rate-limited like the track route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/reports/track/${report.trackingCode}/events`,
        headers: { 'x-tracking-secret': 'salah-rahasia' },
        remoteAddress: '203.0.113.9',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('leaves neither the tracking code nor an address in the logs', () => {
    const logged = lines.join('');
    expect(logged).toContain('/api/reports/track/:trackingCode/events');
    expect(logged).not.toContain(report.trackingCode);
    expect(logged).not.toContain(report.secret);
    expect(logged).not.toContain('203.0.113');
    // The stream's own lines name no address either (the officers' requests do, coarsened).
    const streamLines = lines.filter((line) => line.includes('/events'));
    expect(streamLines.length).toBeGreaterThan(0);
    for (const line of streamLines) expect(line).not.toContain('remoteAddress');
  });
});
