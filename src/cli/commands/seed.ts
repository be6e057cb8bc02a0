import { DEMO_LOGINS, formatTable, seedDemo } from '../demo/seed-demo.js';
import { seconds, withContext, type Command } from './command.js';

export const seedDemoCommand: Command = {
  name: 'seed demo',
  usage: 'seed demo',
  summary: 'Create the demo stations, officers, citizens and boundaries (idempotent)',
  options: {},
  run: (_values, _positionals, io) =>
    withContext(io, async (ctx) => {
      const { areas, created } = await seedDemo(ctx);
      if (areas) io.out(`Imported ${areas.total} areas in ${seconds(areas.ms)} s.`);
      const changes = Object.entries(created).filter(([, count]) => count > 0);
      io.out(
        changes.length === 0 && !areas
          ? 'Demo data already present: nothing changed.'
          : `Demo data created: ${changes.map(([what, count]) => `${count} ${what}`).join(', ')}.`,
      );
      io.out(`\nOpen ${ctx.config.publicUrl} and log in as:\n`);
      io.out(
        formatTable([
          ['EMAIL', 'ROLE', 'STATION', 'PASSWORD'],
          ...DEMO_LOGINS.map((l) => [l.email, l.role, l.station, l.password]),
        ]),
      );
      return 0;
    }),
};
