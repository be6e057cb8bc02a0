/**
 * Contest voting on the real app (SQLite, in process through `inject`): V distinct accounts
 * each cast one vote among E approved entries, then the results ranking is read R times. Each
 * figure is printed beside the bare `/healthz` route measured in the same run.
 *
 *   npm run bench -- contests [--voters=2000] [--entries=50] [--reads=200]
 */
import { createTestContext } from '../test/helpers/context.js';
import { buildAccount, sessionCookie } from '../test/helpers/factories.js';
import { buildStationWorld } from '../test/helpers/station-world.js';
import { newId } from '../src/server/ids.js';
import { percentile } from './lib/percentile.js';

const option = (name: string, fallback: number): number => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
};
const voters = option('voters', 2000);
const entryCount = option('entries', 50);
const reads = option('reads', 200);
const HOUR = 60 * 60_000;

const summary = (label: string, times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  return `${label.padEnd(22)} n=${String(sorted.length).padStart(5)}  p50 ${fmt(percentile(sorted, 0.5))}  p99 ${fmt(percentile(sorted, 0.99))}`;
};

const t = await createTestContext();
try {
  const world = await buildStationWorld(t);
  const at = (hours: number) => new Date(t.clock.now().getTime() + hours * HOUR).toISOString();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/contests',
    headers: { cookie: world.people.officer.cookie },
    payload: {
      stationId: world.stations.polsek.id,
      title: 'Lomba ide kreatif pencegahan kejahatan',
      rules: 'Satu karya per warga.',
      votesPerAccount: 3,
      showVoteCounts: true,
      juryWeight: 0.6,
      publicWeight: 0.4,
      criteria: [{ name: 'Kreativitas', weight: 1 }],
      phases: {
        submissionStartsAt: at(-4),
        submissionEndsAt: at(-3),
        votingStartsAt: at(-1),
        votingEndsAt: at(1),
        judgingEndsAt: at(2),
      },
    },
  });
  const contestId = created.json<{ id: string }>().id;
  const entryIds: string[] = [];
  for (let i = 0; i < entryCount; i++) {
    const author = await buildAccount(t.ctx.db);
    const id = newId();
    const createdAt = new Date(Date.now() + i).toISOString();
    await t.ctx.db
      .insertInto('contest_entry')
      .values({
        id,
        contestId,
        accountId: author.id,
        accountSlot: author.id,
        title: `Karya ${i}`,
        description: 'Ide',
        category: null,
        teamMembers: '[]',
        mediaIds: '[]',
        status: 'approved',
        rejectReason: null,
        moderatedBy: null,
        moderatedAt: null,
        createdAt,
        updatedAt: createdAt,
      })
      .execute();
    entryIds.push(id);
  }
  const cookies: string[] = [];
  for (let i = 0; i < voters; i++) {
    cookies.push(await sessionCookie(t, (await buildAccount(t.ctx.db)).id));
  }

  const time = async (
    request: () => Promise<{ statusCode: number; body: string }>,
    times: number[],
  ) => {
    const started = performance.now();
    const response = await request();
    times.push(performance.now() - started);
    if (response.statusCode !== 200)
      throw new Error(`status ${response.statusCode}: ${response.body}`);
  };
  const health = () => t.app.inject({ method: 'GET', url: '/healthz' });

  const voteTimes: number[] = [];
  const healthDuringVotes: number[] = [];
  for (const [i, cookie] of cookies.entries()) {
    await time(
      () =>
        t.app.inject({
          method: 'PUT',
          url: `/api/contests/${contestId}/entries/${entryIds[i % entryCount]}/vote`,
          headers: { cookie },
          remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        }),
      voteTimes,
    );
    await time(health, healthDuringVotes);
  }

  t.clock.advance(2 * HOUR); // into results
  const resultTimes: number[] = [];
  const healthDuringResults: number[] = [];
  for (let i = 0; i < reads; i++) {
    await time(
      () => t.app.inject({ method: 'GET', url: `/api/contests/${contestId}/results` }),
      resultTimes,
    );
    await time(health, healthDuringResults);
  }
  console.log(`contests: ${voters} voters, ${entryCount} entries, ${reads} results reads (SQLite)`);
  console.log(summary('PUT …/vote', voteTimes));
  console.log(summary('  baseline /healthz', healthDuringVotes));
  console.log(summary('GET …/results', resultTimes));
  console.log(summary('  baseline /healthz', healthDuringResults));
} finally {
  await t.close();
}
