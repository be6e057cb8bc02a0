import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClarificationDocument, ClarificationView } from '../../../common/api/factcheck.js';
import { CLARIFICATION_DOCUMENTS_MAX } from '../../../common/domain/factcheck.js';
import { createTestContext, type TestContext } from '../../../../test/helpers/context.js';
import {
  executableBytes,
  listFiles,
  minimalPdf,
  multipartBody,
  phonePhoto,
  type FormFile,
} from '../../../../test/helpers/media-files.js';
import {
  buildPeople,
  buildStationWorld,
  type Person,
} from '../../../../test/helpers/station-world.js';

describe('clarification documents as evidence', () => {
  let t: TestContext;
  let world: Awaited<ReturnType<typeof buildStationWorld>>;
  let editor: Person;
  let clarificationId = '';

  const create = async (): Promise<string> => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/clarifications',
      headers: { cookie: world.people.officer.cookie },
      payload: {
        stationId: world.stations.polsek.id,
        title: 'Surat edaran larangan keluar rumah dari Polsek adalah palsu',
        claim: 'Polsek Kebayoran Lama melarang warga keluar rumah setelah pukul 20.00',
        verdict: 'HOAKS',
        explanation: 'Surat itu palsu; surat resmi terlampir.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json<ClarificationView>().id;
  };

  const upload = async (
    id: string,
    files: FormFile[],
    who: Person | null = world.people.officer,
    headers: Record<string, string> = {},
  ) => {
    const form = await multipartBody(files);
    return t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${id}/documents`,
      headers: { ...form.headers, ...headers, ...(who ? { cookie: who.cookie } : {}) },
      payload: form.payload,
    });
  };
  const pdf = (name = 'surat-resmi.pdf'): FormFile => ({
    field: 'document',
    name,
    type: 'application/pdf',
    bytes: minimalPdf(),
  });
  const view = async (id: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/clarifications/${id}`,
        headers: { cookie: world.people.officer.cookie },
      })
    ).json<ClarificationView>();
  const documentRows = () => t.ctx.db.selectFrom('clarification_document').selectAll().execute();
  const audits = (action: string) =>
    t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  beforeAll(async () => {
    t = await createTestContext();
    world = await buildStationWorld(t);
    editor = (
      await buildPeople(t, { editor: { stationId: world.stations.polsek.id, role: 'editor' } })
    ).editor;
    clarificationId = await create();
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${clarificationId}/publish`,
      headers: { cookie: editor.cookie },
    });
    expect(published.statusCode, published.body).toBe(200);
  });
  afterAll(() => t.close());

  it('attaches a PDF for an officer of the station, lists it on the view and the page, audited', async () => {
    const response = await upload(clarificationId, [pdf('C:\\Surat\\surat-resmi.PDF')]);
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json<ClarificationDocument>();
    expect(document).toMatchObject({
      name: 'surat-resmi.pdf',
      type: 'application/pdf',
      size: minimalPdf().length,
    });
    expect(document.url).toMatch(/^http:\/\/localhost:8080\/media\/[0-9a-f]{64}\.pdf$/);
    expect((await view(clarificationId)).documents).toEqual([document]);

    const served = await t.app.inject({ method: 'GET', url: new URL(document.url).pathname });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(minimalPdf())).toBe(true);

    const page = await t.app.inject({ method: 'GET', url: `/k/${clarificationId}` });
    expect(page.body).toContain('Dokumen bukti');
    expect(page.body).toContain(`href="${document.url}" download="surat-resmi.pdf"`);
    expect(page.body).toMatch(/PDF, 1 KB/);

    const [audit] = await audits('factcheck.document_added');
    expect(audit).toMatchObject({ actorId: world.people.officer.id, targetId: clarificationId });
  });

  it('takes a picture of a letter through the pipeline: re-encoded as JPEG, metadata gone', async () => {
    const photo = await phonePhoto(900, 600);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await upload(clarificationId, [
      { field: 'document', name: 'foto surat.heic', bytes: photo },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const document = response.json<ClarificationDocument>();
    expect(document).toMatchObject({ name: 'foto surat.jpg', type: 'image/jpeg' });
    const served = await t.app.inject({ method: 'GET', url: new URL(document.url).pathname });
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(document.size).toBe(served.rawPayload.length);
  });

  it('refuses bad uploads with a code naming the problem, storing nothing', async () => {
    const rowsBefore = (await documentRows()).length;
    const filesBefore = listFiles(t.config.mediaDir).length;
    const refusals: Array<[Awaited<ReturnType<typeof upload>>, number, string]> = [
      [
        await upload(clarificationId, [
          {
            field: 'document',
            name: 'surat.pdf',
            type: 'application/pdf',
            bytes: executableBytes(),
          },
        ]),
        415,
        'media.unsupported_type',
      ],
      [
        await upload(clarificationId, [
          {
            ...pdf('besar.pdf'),
            bytes: Buffer.concat([minimalPdf(), Buffer.alloc(11 * 1024 * 1024, 0x20)]),
          },
        ]),
        413,
        'media.too_large',
      ],
      [await upload(clarificationId, [pdf('a.pdf'), pdf('b.pdf')]), 413, 'media.too_many_files'],
      [
        await upload(clarificationId, [{ ...pdf(), field: 'image' }]),
        400,
        'factcheck.document_missing',
      ],
    ];
    for (const [response, status, code] of refusals) {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ error: { code } });
    }
    const english = await upload(
      clarificationId,
      [{ field: 'document', name: 'x.pdf', bytes: executableBytes() }],
      world.people.officer,
      { 'accept-language': 'en' },
    );
    expect(english.json<{ error: { message: string } }>().error.message).toMatch(/not supported/i);
    expect((await documentRows()).length).toBe(rowsBefore);
    expect(listFiles(t.config.mediaDir).length).toBe(filesBefore);
  });

  it('lets only officers of the station attach', async () => {
    const before = (await documentRows()).length;
    expect((await upload(clarificationId, [pdf()], null)).statusCode).toBe(401);
    expect((await upload(clarificationId, [pdf()], world.people.citizen)).statusCode).toBe(403);
    expect((await upload(clarificationId, [pdf()], world.people.siblingAdmin)).statusCode).toBe(
      403,
    );
    expect((await upload('nope', [pdf()])).statusCode).toBe(404);
    expect((await documentRows()).length).toBe(before);
  });

  it(`holds at most ${CLARIFICATION_DOCUMENTS_MAX} documents`, async () => {
    const id = await create();
    for (let i = 0; i < CLARIFICATION_DOCUMENTS_MAX; i++) {
      expect((await upload(id, [pdf(`lampiran-${i}.pdf`)])).statusCode).toBe(201);
    }
    const refused = await upload(id, [pdf('lampiran-lagi.pdf')]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'factcheck.too_many_documents' } });
    expect((await view(id)).documents).toHaveLength(CLARIFICATION_DOCUMENTS_MAX);
  });

  it('removes a document for officers, audited; others are refused', async () => {
    const [first] = (await view(clarificationId)).documents;
    if (!first) throw new Error('no document to remove');
    const remove = (who: Person, documentId = first.id) =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/clarifications/${clarificationId}/documents/${documentId}`,
        headers: { cookie: who.cookie },
      });
    expect((await remove(world.people.citizen)).statusCode).toBe(403);
    expect((await remove(world.people.siblingAdmin)).statusCode).toBe(403);
    const removed = await remove(world.people.officer);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await view(clarificationId)).documents.map((d) => d.id)).not.toContain(first.id);
    const again = await remove(world.people.officer);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { code: 'factcheck.document_not_found' } });
    expect(await audits('factcheck.document_removed')).toHaveLength(1);
  });

  it('takes no evidence on a withdrawn clarification', async () => {
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/clarifications/${clarificationId}/withdraw`,
      headers: { cookie: editor.cookie },
      payload: { reason: 'Digantikan klarifikasi yang lebih lengkap' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const refused = await upload(clarificationId, [pdf()]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'factcheck.withdrawn' } });
  });
});
