import sharp, { type Sharp } from 'sharp';

/**
 * Perceptual hashes of images, for matching a screenshot or re-shared copy of a hoax's picture
 * against a clarification's example images.
 *
 * Each hash is a 64-bit pHash (greyscale, 32 × 32, 2-D DCT, the 8 × 8 lowest frequencies against
 * their median) written as 16 hex digits. It survives recompression and resizing by itself; for
 * borders, chat frames and light crops an image is hashed over several regions — the whole, its
 * content box (uniform borders and frame areas peeled off twice, so a bubble inside a chat
 * screen is found too) and a centre crop — and two images match when their closest pair of
 * hashes is within MATCH_DISTANCE bits.
 */
export const MATCH_DISTANCE = 12;
const HASH_SIDE = 32;
const LOW = 8;
/** Width the content box is searched at. */
const PROFILE_WIDTH = 160;
/** A pixel belongs to the background when within this of the border's median grey. */
const BACKGROUND_TOLERANCE = 16;
/** A row or column is content when this share of it differs from the background. */
const CONTENT_SHARE = 0.4;
/** A content box smaller than this share of the image is not trusted. */
const MIN_BOX_SHARE = 0.12;
const CENTRE_CROP = 0.9;

const COSINES = Array.from({ length: LOW }, (_, u) =>
  Float64Array.from({ length: HASH_SIDE }, (_, x) =>
    Math.cos(((2 * x + 1) * u * Math.PI) / (2 * HASH_SIDE)),
  ),
);

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** pHash of raw 32 × 32 grey pixels. */
function pHash(pixels: Uint8Array): string {
  // Rows first (only the LOW frequencies are needed), then columns.
  const rows = new Float64Array(HASH_SIDE * LOW);
  for (let y = 0; y < HASH_SIDE; y++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      const cos = COSINES[u]!;
      for (let x = 0; x < HASH_SIDE; x++) sum += pixels[y * HASH_SIDE + x]! * cos[x]!;
      rows[y * LOW + u] = sum;
    }
  }
  const coefficients: number[] = [];
  for (let v = 0; v < LOW; v++) {
    const cos = COSINES[v]!;
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < HASH_SIDE; y++) sum += rows[y * LOW + u]! * cos[y]!;
      coefficients.push(sum);
    }
  }
  // The DC term says only how bright the image is: left out of the median.
  const median = [...coefficients.slice(1)].sort((a, b) => a - b)[(LOW * LOW - 1) >> 1]!;
  let hex = '';
  for (let i = 0; i < LOW * LOW; i += 4) {
    let nibble = 0;
    for (let bit = 0; bit < 4; bit++)
      nibble = (nibble << 1) | (coefficients[i + bit]! > median ? 1 : 0);
    hex += nibble.toString(16);
  }
  return hex;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Bits that differ between two hashes of 16 hex digits. */
export function hammingDistance(a: string, b: string): number {
  return (
    popcount32((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) +
    popcount32((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0)
  );
}

/** The closest distance between two images' hash sets. */
export function imageDistance(a: readonly string[], b: readonly string[]): number {
  let best = 64;
  for (const x of a) for (const y of b) best = Math.min(best, hammingDistance(x, y));
  return best;
}

/** The longest run of indices whose value reaches `share`. */
function longestRun(values: readonly number[], share: number): [number, number] {
  let best: [number, number] = [0, 0];
  let start = -1;
  values.forEach((value, i) => {
    if (value >= share) {
      if (start < 0) start = i;
      if (i + 1 - start > best[1] - best[0]) best = [start, i + 1];
    } else start = -1;
  });
  return best;
}

/**
 * Inside `box` of a grey image, the rectangle where rows and then columns mostly differ from the
 * box's border colour: what is left when borders, bars and sparse text around a picture go.
 */
function contentBox(grey: Uint8Array, width: number, box: Box): Box | undefined {
  const at = (x: number, y: number) => grey[(box.top + y) * width + box.left + x]!;
  const border: number[] = [];
  for (let x = 0; x < box.width; x++) border.push(at(x, 0), at(x, box.height - 1));
  for (let y = 0; y < box.height; y++) border.push(at(0, y), at(box.width - 1, y));
  border.sort((a, b) => a - b);
  const background = border[border.length >> 1]!;
  const differs = (x: number, y: number) => Math.abs(at(x, y) - background) > BACKGROUND_TOLERANCE;
  const rowShares = Array.from({ length: box.height }, (_, y) => {
    let n = 0;
    for (let x = 0; x < box.width; x++) if (differs(x, y)) n++;
    return n / box.width;
  });
  const [top, bottom] = longestRun(rowShares, CONTENT_SHARE);
  if (bottom - top < 8) return undefined;
  const columnShares = Array.from({ length: box.width }, (_, x) => {
    let n = 0;
    for (let y = top; y < bottom; y++) if (differs(x, y)) n++;
    return n / (bottom - top);
  });
  const [left, right] = longestRun(columnShares, CONTENT_SHARE);
  if (right - left < 8) return undefined;
  return { left: box.left + left, top: box.top + top, width: right - left, height: bottom - top };
}

async function hashRegion(image: Sharp, region?: Box): Promise<string> {
  const source = region ? image.clone().extract(region) : image.clone();
  const pixels = await source.resize(HASH_SIDE, HASH_SIDE, { fit: 'fill' }).raw().toBuffer();
  return pHash(pixels);
}

/**
 * The hashes of one image: its whole, its content box (peeled twice) and a centre crop, each
 * once. Throws on bytes sharp cannot decode.
 */
export async function perceptualHashes(bytes: Buffer): Promise<string[]> {
  const image = sharp(bytes).flatten({ background: '#ffffff' }).greyscale();
  const { width = 0, height = 0 } = await image.metadata();
  const { data, info } = await image
    .clone()
    .resize({ width: PROFILE_WIDTH })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const whole: Box = { left: 0, top: 0, width: info.width, height: info.height };
  const peeledOnce = contentBox(data, info.width, whole);
  const peeled = peeledOnce && (contentBox(data, info.width, peeledOnce) ?? peeledOnce);
  const scale = width / info.width;
  const regions: Array<Box | undefined> = [
    undefined,
    {
      left: Math.round((width * (1 - CENTRE_CROP)) / 2),
      top: Math.round((height * (1 - CENTRE_CROP)) / 2),
      width: Math.round(width * CENTRE_CROP),
      height: Math.round(height * CENTRE_CROP),
    },
  ];
  if (peeled && peeled.width * peeled.height >= MIN_BOX_SHARE * info.width * info.height) {
    const left = Math.floor(peeled.left * scale);
    const top = Math.floor(peeled.top * scale);
    regions.push({
      left,
      top,
      width: Math.min(width - left, Math.ceil(peeled.width * scale)),
      height: Math.min(height - top, Math.ceil(peeled.height * scale)),
    });
  }
  const hashes = await Promise.all(regions.map((region) => hashRegion(image, region)));
  return [...new Set(hashes)];
}

export interface ImageMatch {
  clarificationId: string;
  /** Bits apart of the closest example image. */
  distance: number;
}

/** The example images' hashes of every published clarification, held in memory on each node. */
export class ImageIndex {
  private readonly images = new Map<string, ReadonlyArray<readonly string[]>>();

  /** Replaces a clarification's example images (each a set of hashes). */
  put(clarificationId: string, images: ReadonlyArray<readonly string[]>): void {
    if (images.length === 0) this.images.delete(clarificationId);
    else this.images.set(clarificationId, images);
  }

  remove(clarificationId: string): void {
    this.images.delete(clarificationId);
  }

  /** Clarifications with an example image within MATCH_DISTANCE, closest first. */
  match(hashes: readonly string[], limit: number): ImageMatch[] {
    const matches: ImageMatch[] = [];
    for (const [clarificationId, images] of this.images) {
      const distance = Math.min(...images.map((image) => imageDistance(hashes, image)));
      if (distance <= MATCH_DISTANCE) matches.push({ clarificationId, distance });
    }
    return matches.sort((a, b) => a.distance - b.distance).slice(0, limit);
  }
}
