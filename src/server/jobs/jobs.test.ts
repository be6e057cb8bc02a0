import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.js';
import { transaction } from '../db/database.js';
import { createJobs, defineJob } from './jobs.js';
import type { Jobs } from './queue.js';

// Job names are a checked union filled by the modules: these tests declare one of their own.
declare module './queue.js' {
  interface JobPayloads {
    'test.ran': { sourceId: string };
  }
}

const payload = (sourceId: string) => ({ sourceId });

describe('table-backed jobs', () => {
  let t: TestContext;
  let jobs: Jobs;
  const runs: string[] = [];
  const failuresLeft = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestContext();
    jobs = createJobs({
      database: t.ctx.database,
      clock: t.clock,
      log: t.ctx.log,
      context: () => t.ctx,
      definitions: [
        defineJob({
          name: 'test.ran',
          attempts: 3,
          backoff: { baseMs: 1000, maxMs: 60_000 },
          run: (_ctx, job) => {
            runs.push(job.sourceId);
            const left = failuresLeft.get(job.sourceId) ?? 0;
            if (left === 0) return Promise.resolve();
            failuresLeft.set(job.sourceId, left - 1);
            return Promise.reject(new Error(`failing ${job.sourceId}`));
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await t.close();
  });

  const status = async (id: string) =>
    t.ctx.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('writes the job in the caller transaction: a rollback leaves none', async () => {
    await expect(
      transaction(t.ctx.db, async (tx) => {
        await jobs.enqueue(tx, 'test.ran', payload('rolled-back'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await jobs.runDueJobs()).toBe(0);
    expect(runs).not.toContain('rolled-back');
  });

  it('runs due jobs once and marks them done; later ones wait for their time', async () => {
    const now = await transaction(t.ctx.db, (tx) => jobs.enqueue(tx, 'test.ran', payload('now')));
    const later = await transaction(t.ctx.db, (tx) =>
      jobs.enqueue(tx, 'test.ran', payload('later'), {
        runAt: new Date(t.clock.now().getTime() + 60_000),
      }),
    );
    expect(await jobs.runDueJobs()).toBe(1);
    expect(await jobs.runDueJobs()).toBe(0);
    expect((await status(now)).status).toBe('done');
    expect((await status(later)).status).toBe('queued');
    t.clock.advance(60_000);
    expect(await jobs.runDueJobs()).toBe(1);
    expect((await status(later)).status).toBe('done');
    expect(runs.filter((r) => r === 'now' || r === 'later')).toEqual(['now', 'later']);
  });

  it('retries with exponential backoff, then fails for good after its attempts', async () => {
    failuresLeft.set('flaky', 1);
    failuresLeft.set('broken', 99);
    const flaky = await transaction(t.ctx.db, (tx) =>
      jobs.enqueue(tx, 'test.ran', payload('flaky')),
    );
    const broken = await transaction(t.ctx.db, (tx) =>
      jobs.enqueue(tx, 'test.ran', payload('broken')),
    );
    expect(await jobs.runDueJobs()).toBe(2);
    expect(await status(flaky)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'failing flaky',
    });
    // Not due before the first backoff (1 s)…
    t.clock.advance(999);
    expect(await jobs.runDueJobs()).toBe(0);
    t.clock.advance(1);
    expect(await jobs.runDueJobs()).toBe(2);
    expect((await status(flaky)).status).toBe('done');
    // …the second retry waits twice as long.
    t.clock.advance(1999);
    expect(await jobs.runDueJobs()).toBe(0);
    t.clock.advance(1);
    expect(await jobs.runDueJobs()).toBe(1);
    expect(await status(broken)).toMatchObject({ status: 'failed', attempts: 3 });
    t.clock.advance(3_600_000);
    expect(await jobs.runDueJobs()).toBe(0);
  });

  it('claims again a job whose worker died past its lease', async () => {
    const id = await transaction(t.ctx.db, (tx) => jobs.enqueue(tx, 'test.ran', payload('orphan')));
    const now = t.clock.now();
    await t.ctx.db
      .updateTable('job')
      .set({
        status: 'running',
        attempts: 1,
        lockedUntil: new Date(now.getTime() + 1000).toISOString(),
      })
      .where('id', '=', id)
      .execute();
    expect(await jobs.runDueJobs()).toBe(0);
    t.clock.advance(1001);
    expect(await jobs.runDueJobs()).toBe(1);
    expect(await status(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('renews the lease of a running job, so no other node claims it while its worker lives', async () => {
    let release = () => {};
    const started: string[] = [];
    const definition = defineJob({
      name: 'test.ran',
      attempts: 1,
      backoff: { baseMs: 1, maxMs: 1 },
      run: (_ctx, job) => {
        started.push(job.sourceId);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const node = (leaseMs: number) =>
      createJobs({
        database: t.ctx.database,
        clock: t.clock,
        log: t.ctx.log,
        context: () => t.ctx,
        definitions: [definition],
        leaseMs,
      });
    const [busy, idle] = [node(300), node(300)];
    const id = await transaction(t.ctx.db, (tx) => busy.enqueue(tx, 'test.ran', payload('long')));
    const running = busy.runDueJobs();
    await expect.poll(() => started).toEqual(['long']);
    // Almost three leases pass on the clock; each time the worker's heartbeat renews it.
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(200);
      const renewed = new Date(t.clock.now().getTime() + 300).toISOString();
      await expect.poll(async () => (await status(id)).lockedUntil).toBe(renewed);
      expect(await idle.runDueJobs()).toBe(0);
    }
    release();
    await running;
    expect(await status(id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(started).toEqual(['long']);
  });

  it('never hands one job to two workers draining at once', async () => {
    const other = createJobs({
      database: t.ctx.database,
      clock: t.clock,
      log: t.ctx.log,
      context: () => t.ctx,
      definitions: [
        defineJob({
          name: 'test.ran',
          attempts: 1,
          backoff: { baseMs: 1, maxMs: 1 },
          run: (_ctx, job) => {
            runs.push(job.sourceId);
            return Promise.resolve();
          },
        }),
      ],
    });
    const ids = await transaction(t.ctx.db, async (tx) => {
      const made: string[] = [];
      for (let i = 0; i < 30; i += 1)
        made.push(await jobs.enqueue(tx, 'test.ran', payload(`c${i}`)));
      return made;
    });
    const [a, b] = await Promise.all([jobs.runDueJobs(), other.runDueJobs()]);
    expect(a + b).toBe(30);
    const concurrent = runs.filter((r) => r.startsWith('c'));
    expect(new Set(concurrent).size).toBe(30);
    expect(concurrent).toHaveLength(30);
    for (const id of ids) expect((await status(id)).status).toBe('done');
  });

  it('runs due jobs in the background once started', async () => {
    jobs.start();
    const id = await transaction(t.ctx.db, (tx) => jobs.enqueue(tx, 'test.ran', payload('bg')));
    await expect.poll(async () => (await status(id)).status).toBe('done');
    await jobs.stop();
  });
});
