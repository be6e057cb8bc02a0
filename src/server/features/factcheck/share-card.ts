import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { ClarificationView } from '../../../common/api/factcheck.js';
import { verdictTone } from '../../../common/domain/factcheck.js';
import { translate } from '../../../common/i18n/index.js';
import { html } from '../../pages/html.js';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const TONE_COLOURS = { false: '#b3261e', mixed: '#a15c00', true: '#1b6e3a' } as const;
const CLAIM_LINE_CHARS = 44;
const CLAIM_LINES = 4;
const CACHE_SIZE = 500;

/** Greedy word wrap by character count (the card's font is wide and even enough for it). */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + piece.length > width) {
      out.push(line);
      line = piece;
      if (out.length === lines) break;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (out.length < lines && line) out.push(line);
  else if (out.length === lines) out[lines - 1] = `${out[lines - 1]!.slice(0, width - 1)}…`;
  return out;
}

/**
 * The card WhatsApp shows beside the link: the label stamped large in its tone, the claim as it
 * circulates, and the station that answered. Indonesian, as the clarification itself is.
 */
export function shareCardSvg(view: ClarificationView): string {
  const withdrawn = view.status === 'withdrawn';
  const stamp = withdrawn ? translate('id', 'factcheck.card.withdrawn') : view.verdict;
  const colour = withdrawn ? '#4a4a4a' : TONE_COLOURS[verdictTone(view.verdict)];
  const stampSize = stamp.length > 10 ? 88 : 120;
  const stampWidth = Math.min(1040, Math.round(stamp.length * stampSize * 0.68) + 80);
  const claim = wrapText(`“${view.claim}”`, CLAIM_LINE_CHARS, CLAIM_LINES);
  return html`<svg
    xmlns="http://www.w3.org/2000/svg"
    width="${CARD_WIDTH}"
    height="${CARD_HEIGHT}"
    viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}"
  >
    <rect width="100%" height="100%" fill="#ffffff" />
    <rect width="100%" height="24" fill="${colour}" />
    <text
      x="60"
      y="92"
      font-family="DejaVu Sans, sans-serif"
      font-size="30"
      font-weight="bold"
      fill="#1f2937"
    >
      ${translate('id', 'factcheck.card.heading')}
    </text>
    <g transform="rotate(-4 ${60 + stampWidth / 2} 190)">
      <rect
        x="60"
        y="${190 - stampSize * 0.72}"
        width="${stampWidth}"
        height="${stampSize * 1.2}"
        rx="14"
        fill="none"
        stroke="${colour}"
        stroke-width="10"
      />
      <text
        x="${60 + stampWidth / 2}"
        y="${190 + stampSize * 0.3}"
        text-anchor="middle"
        font-family="DejaVu Sans, sans-serif"
        font-size="${stampSize}"
        font-weight="bold"
        fill="${colour}"
      >
        ${stamp}
      </text>
    </g>
    ${claim.map(
      (line, index) =>
        html`<text
          x="60"
          y="${340 + index * 54}"
          font-family="DejaVu Sans, sans-serif"
          font-size="40"
          fill="#111827"
          >${line}</text
        >`,
    )}
    <rect x="0" y="${CARD_HEIGHT - 90}" width="100%" height="90" fill="#f3f4f6" />
    <text
      x="60"
      y="${CARD_HEIGHT - 34}"
      font-family="DejaVu Sans, sans-serif"
      font-size="32"
      font-weight="bold"
      fill="#1f2937"
    >
      ${view.station.name}
    </text>
    <text
      x="${CARD_WIDTH - 60}"
      y="${CARD_HEIGHT - 34}"
      text-anchor="end"
      font-family="DejaVu Sans, sans-serif"
      font-size="28"
      fill="${colour}"
    >
      Siaga
    </text>
  </svg>`.value;
}

export interface ShareCard {
  png: Buffer;
  etag: string;
}

/** Rendered cards by clarification and version: a correction makes a new card, and a new ETag. */
export function openShareCards() {
  const cache = new Map<string, ShareCard>();
  return async function shareCard(view: ClarificationView): Promise<ShareCard> {
    const svg = shareCardSvg(view);
    const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"`;
    const cached = cache.get(view.id);
    if (cached?.etag === etag) return cached;
    const card = { png: await sharp(Buffer.from(svg)).png().toBuffer(), etag };
    cache.delete(view.id);
    cache.set(view.id, card);
    // Oldest out first: a Map iterates in insertion order.
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return card;
  };
}
