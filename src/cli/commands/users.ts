import { ROLES, type Role } from '../../common/domain/roles.js';
import { createAccountAsSystem } from '../../server/features/accounts/accounts.service.js';
import { findStationRowBySlug } from '../../server/features/stations/stations.service.js';
import { CliError, optionalOption, requireOption, withContext, type Command } from './command.js';

function parseRole(text: string): Role {
  const role = ROLES.find((r) => r === text);
  if (!role) throw new CliError(`--role must be one of ${ROLES.join(', ')}, got "${text}"`);
  return role;
}

export const userCreateCommand: Command = {
  name: 'user create',
  usage: 'user create --email E --password P --name N --role R [--station SLUG] [--phone P]',
  summary: 'Create an account with a role (station roles need --station); audited as system',
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    station: { type: 'string' },
    phone: { type: 'string' },
  },
  run: (values, _positionals, io) => {
    const email = requireOption(values, 'email');
    const password = requireOption(values, 'password');
    const name = requireOption(values, 'name');
    const role = parseRole(requireOption(values, 'role'));
    const stationSlug = optionalOption(values, 'station');
    const isStationRole = role !== 'citizen' && role !== 'platform_admin';
    if (isStationRole && !stationSlug) throw new CliError(`--station is required for ${role}`);
    if (!isStationRole && stationSlug) throw new CliError(`--station does not apply to ${role}`);
    return withContext(io, async (ctx) => {
      const station = stationSlug ? await findStationRowBySlug(ctx, stationSlug) : undefined;
      if (stationSlug && !station) throw new CliError(`No station with slug "${stationSlug}"`);
      const account = await createAccountAsSystem(ctx, {
        email,
        password,
        name,
        phone: optionalOption(values, 'phone'),
        role,
        stationId: station?.id ?? null,
      });
      io.out(
        `Created ${role} ${account.email ?? account.name}${station ? ` in ${station.slug}` : ''} (id ${account.id}).`,
      );
      return 0;
    });
  },
};
