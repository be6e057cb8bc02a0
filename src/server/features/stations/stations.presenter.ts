import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { AreaRef, Liaison, Phone, ResponsibleStation } from '../../../common/api/areas.js';
import type {
  LiaisonView,
  SocialLinks,
  StationListItem,
  StationRef,
  StationView,
} from '../../../common/api/stations.js';
import type { Role } from '../../../common/domain/roles.js';
import type { LiaisonRow, StationWithParent } from './stations.repository.js';
import type { RoleGrantRow, StationRow } from './stations.table.js';

const formattedNumbers = new Map<string, string>();
const FORMATTED_NUMBERS_KEPT = 5_000;

/**
 * How Indonesians write a number: (021) 7221111, 0812-3456-7890; short codes (110) as they are.
 * Remembered: stations' few numbers go out with every report answer and listing, and parsing
 * one costs more than the rest of the presenter.
 */
export function nationalNumber(number: string): string {
  let display = formattedNumbers.get(number);
  if (display === undefined) {
    display = parsePhoneNumberFromString(number, 'ID')?.formatNational() ?? number;
    if (formattedNumbers.size >= FORMATTED_NUMBERS_KEPT) formattedNumbers.clear();
    formattedNumbers.set(number, display);
  }
  return display;
}

const parsePhones = (row: StationRow): Phone[] =>
  (JSON.parse(row.phones) as Array<Omit<Phone, 'display'>>).map((phone) => ({
    label: phone.label,
    number: phone.number,
    display: nationalNumber(phone.number),
  }));

export function toStationRef(row: Pick<StationRow, keyof StationRef>): StationRef {
  return { id: row.id, slug: row.slug, name: row.name, level: row.level };
}

/**
 * What other features need of a station: the public reference, where it sits in the hierarchy
 * (the policy checks roles against `path`) and the time zone its documents are written in.
 */
export interface StationSummary extends StationRef {
  parentId: string | null;
  path: string;
  timezone: string;
}

export function toStationSummary(row: StationRow): StationSummary {
  return { ...toStationRef(row), parentId: row.parentId, path: row.path, timezone: row.timezone };
}

export interface RoleGrantView {
  accountId: string;
  stationId: string | null;
  role: Role;
  createdAt: string;
}

export function toRoleGrantView(row: RoleGrantRow): RoleGrantView {
  return {
    accountId: row.accountId,
    stationId: row.stationId,
    role: row.role,
    createdAt: row.createdAt,
  };
}

export function toStationListItem(row: StationWithParent, areaNames: string[]): StationListItem {
  return {
    ...toStationRef(row),
    isDemo: row.isDemo === 1,
    address: row.address,
    phones: parsePhones(row),
    timezone: row.timezone,
    areaNames,
    parent:
      row.parentId && row.parentSlug && row.parentName && row.parentLevel
        ? { id: row.parentId, slug: row.parentSlug, name: row.parentName, level: row.parentLevel }
        : null,
  };
}

export function toStationView(
  row: StationRow,
  related: { parent: StationRow | undefined; children: StationRow[]; jurisdiction: AreaRef[] },
): StationView {
  return {
    ...toStationRef(row),
    isDemo: row.isDemo === 1,
    parent: related.parent ? toStationRef(related.parent) : null,
    children: related.children.map(toStationRef),
    address: row.address,
    phones: parsePhones(row),
    timezone: row.timezone,
    socialLinks: JSON.parse(row.socialLinks) as SocialLinks,
    jurisdiction: related.jurisdiction,
  };
}

export function toResponsibleStation(row: StationRow): ResponsibleStation {
  return { ...toStationRef(row), phones: parsePhones(row) };
}

/** `+62 812-3456-7890` or `0812…` → `https://wa.me/6281234567890`. */
export function whatsappUrl(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  const international = digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
  return international.startsWith('62') && international.length >= 9
    ? `https://wa.me/${international}`
    : null;
}

export function toLiaison(row: LiaisonRow): Liaison {
  return {
    name: row.accountName,
    phone: row.accountPhone,
    whatsappUrl: whatsappUrl(row.accountPhone),
  };
}

export function toLiaisonView(row: LiaisonRow, village: AreaRef): LiaisonView {
  return {
    village,
    account: { id: row.accountId, name: row.accountName, phone: row.accountPhone },
    assignedAt: row.assignedAt,
  };
}
