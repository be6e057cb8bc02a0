import { CreateStationBody } from '../../common/api/stations.js';
import { STATION_LEVELS, type StationLevel } from '../../common/domain/roles.js';
import {
  createStation,
  findStationRowBySlug,
} from '../../server/features/stations/stations.service.js';
import {
  assertMatches,
  CliError,
  optionalOption,
  requireOption,
  withContext,
  type Command,
} from './command.js';

function parseLevel(text: string): StationLevel {
  const level = STATION_LEVELS.find((l) => l === text);
  if (!level) throw new CliError(`--level must be one of ${STATION_LEVELS.join(', ')}`);
  return level;
}

/** `31.74, 31.74.05` → ['31.74', '31.74.05'] */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export const stationCreateCommand: Command = {
  name: 'station create',
  usage:
    'station create --slug S --name N --level L [--parent SLUG] [--areas 31.74,…] [--address A]',
  summary: 'Create a station (a Polda has no parent); audited as system',
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    level: { type: 'string' },
    parent: { type: 'string' },
    areas: { type: 'string' },
    address: { type: 'string' },
  },
  run: (values, _positionals, io) => {
    const slug = requireOption(values, 'slug');
    const name = requireOption(values, 'name');
    const level = parseLevel(requireOption(values, 'level'));
    const parentSlug = optionalOption(values, 'parent');
    const address = optionalOption(values, 'address');
    return withContext(io, async (ctx) => {
      const parent = parentSlug ? await findStationRowBySlug(ctx, parentSlug) : undefined;
      if (parentSlug && !parent) throw new CliError(`No station with slug "${parentSlug}"`);
      const body = assertMatches(
        CreateStationBody,
        {
          slug,
          name,
          level,
          ...(parent ? { parentId: parent.id } : {}),
          ...(address ? { address } : {}),
          areaCodes: splitList(optionalOption(values, 'areas')),
        },
        { areaCodes: 'areas', parentId: 'parent' },
      );
      const station = await createStation(ctx, 'system', body);
      const areas = station.jurisdiction.map((a) => a.code).join(', ') || 'none';
      io.out(
        `Created ${station.level} ${station.slug} (id ${station.id}); jurisdiction: ${areas}.`,
      );
      return 0;
    });
  },
};
