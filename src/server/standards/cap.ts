import { renderXmlDocument, textElement, type XmlElement } from './xml.js';

/** OASIS Common Alerting Protocol 1.2, the parts Siaga emits. */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_CONTENT_TYPE = 'application/cap+xml';

export interface CapArea {
  areaDesc: string;
  polygons: string[];
  circles: string[];
  geocodes: Array<{ valueName: string; value: string }>;
}

export interface CapInfo {
  language: string;
  categories: string[];
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  effective: string;
  expires: string;
  senderName: string;
  headline: string;
  description: string;
  instruction: string | null;
  web: string;
  areas: CapArea[];
}

export interface CapMessage {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  note: string | null;
  /** `sender,identifier,sent` of each referenced message */
  references: string[];
  infos: CapInfo[];
}

/** A GeoJSON [lng, lat] ring as a CAP polygon: "lat,lng lat,lng …" (closed, ≥ 4 points). */
export function formatCapPolygon(ring: number[][]): string {
  return ring.map(([lng, lat]) => `${lat},${lng}`).join(' ');
}

/** A circle as CAP wants it: "lat,lng radius" with the radius in kilometres. */
export function formatCapCircle(circle: { lat: number; lng: number; radiusM: number }): string {
  return `${circle.lat},${circle.lng} ${circle.radiusM / 1000}`;
}

/** Minutes east of UTC of `timeZone` at `date` (Indonesia has no DST, but ask Intl anyway). */
function offsetMinutes(date: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** A CAP time: local time of the zone with its offset, e.g. 2026-11-25T10:00:00+07:00 (never Z). */
export function formatCapTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const offset = offsetMinutes(date, timeZone);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

function areaElement(area: CapArea): XmlElement {
  return {
    name: 'area',
    content: [
      { name: 'areaDesc', content: area.areaDesc },
      ...area.polygons.map((polygon) => ({ name: 'polygon', content: polygon })),
      ...area.circles.map((circle) => ({ name: 'circle', content: circle })),
      ...area.geocodes.map((geocode) => ({
        name: 'geocode',
        content: [
          { name: 'valueName', content: geocode.valueName },
          { name: 'value', content: geocode.value },
        ],
      })),
    ],
  };
}

function infoElement(info: CapInfo): XmlElement {
  return {
    name: 'info',
    content: [
      { name: 'language', content: info.language },
      ...info.categories.map((category) => ({ name: 'category', content: category })),
      { name: 'event', content: info.event },
      { name: 'urgency', content: info.urgency },
      { name: 'severity', content: info.severity },
      { name: 'certainty', content: info.certainty },
      { name: 'effective', content: info.effective },
      { name: 'expires', content: info.expires },
      { name: 'senderName', content: info.senderName },
      { name: 'headline', content: info.headline },
      { name: 'description', content: info.description },
      textElement('instruction', info.instruction),
      { name: 'web', content: info.web },
      ...info.areas.map(areaElement),
    ],
  };
}

/** The CAP 1.2 XML document, elements in the order the schema's sequences demand. */
export function renderCapMessage(message: CapMessage): string {
  return renderXmlDocument({
    name: 'alert',
    attrs: { xmlns: CAP_NAMESPACE },
    content: [
      { name: 'identifier', content: message.identifier },
      { name: 'sender', content: message.sender },
      { name: 'sent', content: message.sent },
      { name: 'status', content: message.status },
      { name: 'msgType', content: message.msgType },
      { name: 'scope', content: 'Public' },
      textElement('note', message.note),
      message.references.length > 0
        ? { name: 'references', content: message.references.join(' ') }
        : undefined,
      ...message.infos.map(infoElement),
    ],
  });
}
