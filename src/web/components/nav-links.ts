import type { Me } from '../api/types.js';
import { navLinks } from '../feature-registry.js';
import type { NavLink } from '../features/feature.js';

/** The shell's own link beside the features'. */
const SHELL_LINKS: readonly NavLink[] = [
  {
    href: '/',
    labelKey: 'web.bar.home',
    place: 'bottom',
    order: 0,
    icon: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  },
];

const all = [...SHELL_LINKS, ...navLinks].sort((a, b) => a.order - b.order);

/** The links of one place that this reader sees (`me` undefined while the session loads). */
export function visibleLinks(place: NavLink['place'], me: Me | null | undefined): NavLink[] {
  const isStaff = (me?.roles.length ?? 0) > 0; // citizen is implicit, never listed
  return all.filter((link) => {
    if (link.place !== place) return false;
    switch (link.audience) {
      case 'signed-in':
        return Boolean(me);
      case 'guest':
        return me === null;
      case 'staff':
        return isStaff;
      case undefined:
        return true;
    }
  });
}

/** Whether the page at `path` belongs to the link (marked `aria-current`). */
export function linkCovers(link: NavLink, path: string): boolean {
  const prefixes = link.covers ?? [link.href];
  return prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
