import { readFile } from 'node:fs/promises';
import { importAreas, importBoundaries } from '../../server/features/areas/areas.service.js';
import { CliError, seconds, withContext, type Command } from './command.js';

export const areasImportCommand: Command = {
  name: 'areas import',
  usage: 'areas import',
  summary: 'Import every Indonesian province, regency, district and village (idempotent)',
  options: {},
  run: (_values, _positionals, io) =>
    withContext(io, async (ctx) => {
      const result = await importAreas(ctx);
      const levels = Object.entries(result.counts)
        .map(([level, count]) => `${count} ${level}`)
        .join(', ');
      io.out(
        result.skipped
          ? `Areas already imported (${result.total}: ${levels}); nothing to do (${seconds(result.ms)} s).`
          : `Imported ${result.written} areas (${levels}) in ${seconds(result.ms)} s.`,
      );
      return 0;
    }),
};

export const areasImportBoundariesCommand: Command = {
  name: 'areas import-boundaries',
  usage: 'areas import-boundaries FILE.geojson',
  summary: 'Load area outlines from a GeoJSON FeatureCollection keyed by properties.code',
  options: {},
  run: async (_values, positionals, io) => {
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError('Give exactly one GeoJSON file');
    let geojson: unknown;
    try {
      geojson = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CliError(`Cannot read ${file} as JSON: ${(err as Error).message}`);
    }
    return withContext(io, async (ctx) => {
      const result = await importBoundaries(ctx, geojson);
      io.out(`Loaded ${result.imported} boundaries from ${file}.`);
      if (result.unknownCodes.length > 0) {
        io.out(
          `Unknown area codes (run \`siaga areas import\` first?): ${result.unknownCodes.join(', ')}`,
        );
      }
      if (result.invalid > 0) {
        io.out(`Skipped ${result.invalid} features without a code or a (Multi)Polygon geometry.`);
      }
      return 0;
    });
  },
};
