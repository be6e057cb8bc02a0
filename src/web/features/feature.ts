import type { ComponentType } from 'preact';
import type { Role } from '../../common/domain/roles.js';
import type { MessageKey } from '../../common/i18n/index.js';
import type { StationListItem } from '../api/types.js';

/** Loads a component's chunk: every page and section downloads only when first shown. */
export type Load<P = object> = () => Promise<ComponentType<P>>;

/** What a console section receives: the station the officer is working in. */
export interface ConsoleSectionProps {
  station: StationListItem;
  /** The roles the account holds there (granted there or above; a platform admin's anywhere). */
  roles: readonly string[];
}

export interface PageEntry {
  /** preact-iso route patterns served by this one component. */
  paths: readonly string[];
  load: Load;
}

export interface ConsoleSection {
  /** `/konsol/<path>` (and `/konsol/<path>/<sub>`). */
  path: string;
  labelKey: MessageKey;
  /** Catalog namespaces the label needs (loaded with the console, not for citizens). */
  namespaces?: readonly string[];
  /** The station roles that see the tab (a role held here or in a station above). */
  roles: readonly Exclude<Role, 'citizen'>[];
  /** Place among the tabs, lowest first. */
  order: number;
  load: Load<ConsoleSectionProps>;
}

export interface NavLink {
  href: string;
  labelKey: MessageKey;
  /** The bottom bar holds the main pages (five at most fit a phone); the header the rest. */
  place: 'bottom' | 'header';
  order: number;
  /** Who sees it: everyone when absent. */
  audience?: 'signed-in' | 'guest' | 'staff';
  /** Where a guest is sent instead (the account tab opens the login). */
  guestHref?: string;
  /** Path prefixes whose pages belong to this link (marked `aria-current`); `href` when absent. */
  covers?: readonly string[];
  /** Bottom bar only: a 24×24 outline icon (stroke paths). */
  icon?: string;
}

export interface HomeSection {
  /** Place on the home page, lowest first. */
  order: number;
  load: Load;
}

/**
 * What a web feature plugs into the shell, declared in its own `features/<f>/feature.ts`
 * (default export) and collected by `feature-registry.ts`: the shell names no feature.
 * Only this small manifest is in the entry chunk; everything it points to loads lazily.
 */
export interface WebFeature {
  pages?: readonly PageEntry[];
  consoleSections?: readonly ConsoleSection[];
  navLinks?: readonly NavLink[];
  homeSections?: readonly HomeSection[];
  /** Always mounted beside the pages (e.g. the live alert banner). */
  shellParts?: readonly Load[];
  /** Runs once when the app starts (e.g. sending what was queued offline). */
  onStart?: () => Promise<void>;
  /** Catalog namespaces the nav link labels need: every visitor loads them, keep them small. */
  navNamespaces?: readonly string[];
  /** Where the console's audit log links an entry about this kind of target (`alert`, …). */
  auditTargets?: Readonly<Record<string, (id: string) => string>>;
}
