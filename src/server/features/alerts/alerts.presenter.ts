import type { AlertTargetInput, AlertView, GeoJsonPolygon } from '../../../common/api/alerts.js';
import { CAP_CATEGORY } from '../../../common/domain/alerts.js';
import { translate, type Locale } from '../../../common/i18n/index.js';
import type { AtomEntry } from '../../standards/atom.js';
import {
  CAP_CONTENT_TYPE,
  formatCapCircle,
  formatCapPolygon,
  formatCapTime,
  type CapArea,
  type CapMessage,
} from '../../standards/cap.js';
import type { StationSummary } from '../stations/stations.service.js';
import type { AlertRow } from './alerts.table.js';

/** The target as stored: the request's shapes, with the area codes' names resolved. */
export interface StoredTarget {
  areas: Array<{ code: string; name: string }>;
  circles: NonNullable<AlertTargetInput['circles']>;
  polygons: GeoJsonPolygon[];
}

export const parseTarget = (row: AlertRow) => JSON.parse(row.target) as StoredTarget;
export const parseKeys = (row: AlertRow) => JSON.parse(row.keys) as string[];

export const isDrill = (row: AlertRow) => row.status !== 'Actual';

export interface PresentOptions {
  /** Officers of the station see who wrote and who reviewed the alert. */
  forOfficer: boolean;
  now: Date;
}

/**
 * The one view of an alert, for HTTP and the stream. It lists every field it lets out; author
 * and reviewer names only for the station's officers, account ids never.
 */
export function toAlertView(
  row: AlertRow,
  station: StationSummary,
  options: PresentOptions,
): AlertView {
  const expired = row.state === 'published' && Date.parse(row.expiresAt) <= options.now.getTime();
  const approvals: AlertView['approvals'] =
    row.reviewedAt === null
      ? []
      : [
          {
            decision: row.state === 'rejected' ? 'rejected' : 'approved',
            at: row.reviewedAt,
            ...(options.forOfficer && row.reviewerName !== null
              ? { by: { name: row.reviewerName } }
              : {}),
          },
        ];
  return {
    id: row.id,
    stationId: row.stationId,
    station: { slug: station.slug, name: station.name },
    msgType: row.msgType,
    references: row.msgType === 'Alert' ? null : row.threadId,
    status: row.status,
    isDrill: isDrill(row),
    title: row.title,
    body: row.body,
    category: row.category,
    severity: row.severity,
    urgency: row.urgency,
    certainty: row.certainty,
    instruction: row.instruction,
    titleEn: row.titleEn,
    bodyEn: row.bodyEn,
    instructionEn: row.instructionEn,
    describesSuspect: row.describesSuspect === 1,
    hasPersonPhoto: row.hasPersonPhoto === 1,
    effectiveAt: row.effectiveAt,
    expiresAt: row.expiresAt,
    sentAt: row.sentAt,
    target: parseTarget(row),
    state: expired ? 'expired' : row.state,
    note: row.note,
    approvals,
    ...(options.forOfficer ? { author: { name: row.authorName } } : {}),
  };
}

export const alertPageUrl = (publicUrl: string, id: string) => `${publicUrl}/peringatan/${id}`;
export const alertCapUrl = (publicUrl: string, id: string) =>
  `${publicUrl}/api/alerts/${id}/cap.xml`;

/** CAP sender: the station's slug at the public host, e.g. polres-bogor@siaga.example.id. */
const capSender = (station: StationSummary, publicUrl: string) =>
  `${station.slug}@${new URL(publicUrl).hostname}`;

function capAreas(target: StoredTarget, locale: Locale): CapArea[] {
  const empty = { polygons: [], circles: [], geocodes: [] };
  return [
    ...target.areas.map((area) => ({
      ...empty,
      areaDesc: area.name,
      geocodes: [{ valueName: 'KODE_WILAYAH_KEMENDAGRI', value: area.code }],
    })),
    ...target.circles.map((circle) => ({
      ...empty,
      areaDesc: translate(locale, 'alerts.cap.circle_desc', {
        radius: circle.radiusM,
        lat: circle.lat,
        lng: circle.lng,
      }),
      circles: [formatCapCircle(circle)],
    })),
    ...target.polygons.map((polygon, index) => ({
      ...empty,
      areaDesc: translate(locale, 'alerts.cap.polygon_desc', { number: index + 1 }),
      // CAP polygons have no holes: the outer ring only.
      polygons: [formatCapPolygon(polygon.coordinates[0] ?? [])],
    })),
  ];
}

export interface CapContext {
  station: StationSummary;
  /** The thread's original Alert, referenced by Updates and Cancels. */
  original: AlertRow;
  publicUrl: string;
}

/** The CAP 1.2 message of one alert row: one info in Indonesian, one in English when given. */
export function toCapMessage(
  row: AlertRow,
  { station, original, publicUrl }: CapContext,
): CapMessage {
  const time = (iso: string) => formatCapTime(iso, station.timezone);
  const sentOf = (r: AlertRow) => time(r.sentAt ?? r.createdAt);
  const target = parseTarget(row);
  const info = (
    locale: Locale,
    texts: { title: string; body: string; instruction: string | null },
  ) => ({
    language: locale === 'id' ? 'id-ID' : 'en-US',
    categories: [CAP_CATEGORY[row.category]],
    event: translate(locale, `alerts.category.${row.category}`),
    urgency: row.urgency,
    severity: row.severity,
    certainty: row.certainty,
    effective: time(row.effectiveAt),
    expires: time(row.expiresAt),
    senderName: station.name,
    headline: texts.title,
    description: texts.body,
    instruction: texts.instruction,
    web: alertPageUrl(publicUrl, row.id),
    areas: capAreas(target, locale),
  });
  const hasEnglish = row.titleEn !== null || row.bodyEn !== null || row.instructionEn !== null;
  return {
    identifier: row.id,
    sender: capSender(station, publicUrl),
    sent: sentOf(row),
    status: row.status,
    msgType: row.msgType,
    note: row.msgType === 'Cancel' ? row.note : null,
    references:
      row.msgType === 'Alert'
        ? []
        : [`${capSender(station, publicUrl)},${original.id},${sentOf(original)}`],
    infos: [
      info('id', { title: row.title, body: row.body, instruction: row.instruction }),
      ...(hasEnglish
        ? [
            info('en', {
              title: row.titleEn ?? row.title,
              body: row.bodyEn ?? row.body,
              instruction: row.instructionEn ?? row.instruction,
            }),
          ]
        : []),
    ],
  };
}

/** An Atom entry pointing at the alert's CAP document, as CAP aggregators expect. */
export function toAtomEntry(row: AlertRow, station: StationSummary, publicUrl: string): AtomEntry {
  return {
    id: `urn:uuid:${row.id}`,
    title: row.title,
    updated: row.updatedAt,
    published: row.sentAt ?? row.createdAt,
    summary: row.body,
    authorName: station.name,
    links: [
      { rel: 'alternate', type: CAP_CONTENT_TYPE, href: alertCapUrl(publicUrl, row.id) },
      { rel: 'alternate', type: 'text/html', href: alertPageUrl(publicUrl, row.id) },
    ],
  };
}
