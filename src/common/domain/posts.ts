/** What a station publishes: the kinds citizens can filter by. */
export const POST_KINDS = [
  'pengumuman',
  'kejadian',
  'tips',
  'program',
  'laporan_kegiatan',
  'edukasi',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/**
 * A post's workflow: an officer's draft goes to review; an editor approves, then publishes or
 * schedules it; a published post can be unpublished (and published again) or archived.
 */
export const POST_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'archived',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_TITLE_MAX = 160;
export const POST_BODY_MAX = 20_000;
export const POST_TAG_MAX = 40;
export const POST_TAGS_MAX = 10;
export const POST_AREAS_MAX = 20;
export const POST_IMAGES_MAX = 10;
export const POST_CAPTION_MAX = 300;
export const POST_ALT_MAX = 300;
export const POST_PAGE_SIZE = 20;

export const SHARE_CHANNELS = ['whatsapp', 'facebook', 'telegram', 'x', 'copy', 'native'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/** A readable URL tail for a title ("Waspada Curanmor!" → "waspada-curanmor"). */
export function postSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The share page of a post, with its readable tail. */
export const postPath = (id: string, title: string) => {
  const slug = postSlug(title);
  return slug ? `/p/${id}/${slug}` : `/p/${id}`;
};

/** Indonesia's three zones have no summer time: a fixed offset and the name people use. */
const ZONES: Record<string, { label: 'WIB' | 'WITA' | 'WIT'; offsetHours: number }> = {
  'Asia/Jakarta': { label: 'WIB', offsetHours: 7 },
  'Asia/Pontianak': { label: 'WIB', offsetHours: 7 },
  'Asia/Makassar': { label: 'WITA', offsetHours: 8 },
  'Asia/Jayapura': { label: 'WIT', offsetHours: 9 },
};

export function stationZone(timezone: string) {
  return ZONES[timezone] ?? ZONES['Asia/Jakarta']!;
}

/** A `datetime-local` value ("2026-12-03T08:00") read in the station's zone, as an ISO instant. */
export function localToInstant(local: string, timezone: string): string {
  const { offsetHours } = stationZone(timezone);
  return new Date(Date.parse(`${local}:00Z`) - offsetHours * 3_600_000).toISOString();
}
