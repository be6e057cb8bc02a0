import { createHash } from 'node:crypto';
import os from 'node:os';
import exifReader from 'exif-reader';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../errors.js';
import { createLimiter } from './limiter.js';
import type { ImageKind, MediaKind } from './media-use.js';

/** Widths served; an image narrower than the largest keeps its own width (never upscaled). */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

/** Enough bytes for file-type to recognise every format it knows. */
export const SNIFF_BYTES = 4100;

export interface EncodedFile {
  /** `<sha256 of bytes>.<ext>`: identical output is stored once. */
  key: string;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: Buffer;
}

/** What EXIF said before it was dropped; handed to the caller, never stored by the pipeline. */
export interface ExtractedMetadata {
  lat: number | null;
  lng: number | null;
  /** ISO-8601; without an offset when the camera recorded none (then it is the camera's local time). */
  takenAt: string | null;
}

export interface ProcessedFile {
  kind: MediaKind;
  width: number | null;
  height: number | null;
  files: EncodedFile[];
  extracted: ExtractedMetadata | null;
}

const KIND_BY_EXT: Record<string, MediaKind> = {
  jpg: 'jpeg',
  png: 'png',
  apng: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
  pdf: 'pdf',
};

/** The kind the bytes are, whatever the name or the declared type say; undefined if none we know. */
export async function sniffKind(head: Uint8Array): Promise<MediaKind | undefined> {
  const type = await fileTypeFromBuffer(head);
  return type ? KIND_BY_EXT[type.ext] : undefined;
}

export function keyFor(bytes: Buffer, ext: string): string {
  return `${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
}

export function keepPdf(bytes: Buffer): ProcessedFile {
  return {
    kind: 'pdf',
    width: null,
    height: null,
    files: [
      { key: keyFor(bytes, 'pdf'), mime: 'application/pdf', width: null, height: null, bytes },
    ],
    extracted: null,
  };
}

/**
 * Decodes an image once (orientation applied), drops every metadata block by going through raw
 * pixels, and encodes each width as WebP and as a JPEG fallback. The header's dimensions are
 * checked before anything is decoded, and libvips is held to the same limit while decoding.
 */
export async function processImage(
  bytes: Buffer,
  kind: ImageKind,
  maxPixels: number,
): Promise<ProcessedFile> {
  return inDecodeSlot(() => decodeAndEncode(bytes, kind, maxPixels));
}

/**
 * Each decode holds up to ~100 MB (a 12-megapixel photo, measured in bench/media.ts) and keeps a
 * core busy, so a node works on as many images at once as it has cores; the rest wait their turn.
 */
const inDecodeSlot = createLimiter(os.availableParallelism());

async function decodeAndEncode(
  bytes: Buffer,
  kind: ImageKind,
  maxPixels: number,
): Promise<ProcessedFile> {
  // Reading the header decodes no pixels, so sharp's own limit is lifted to let ours speak.
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw new AppError('media.corrupt', 422);
    });
  if (!header.width || !header.height) throw new AppError('media.corrupt', 422);
  // An animated image is served as its first frame, so one frame's pixels is what counts.
  const frameHeight = header.pageHeight ?? header.height;
  if (header.width * frameHeight > maxPixels) {
    throw new AppError('media.too_many_pixels', 413, {
      maxMegapixels: Math.floor(maxPixels / 1_000_000),
    });
  }
  const extracted = readExif(header.exif);
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  const decoded = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' })
    .rotate()
    .resize({ width: largest, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : '';
      if (/pixel limit/i.test(message)) {
        throw new AppError('media.too_many_pixels', 413, {
          maxMegapixels: Math.floor(maxPixels / 1_000_000),
        });
      }
      throw new AppError('media.corrupt', 422);
    });
  const { width, height, channels } = decoded.info;
  const raw = { width, height, channels };
  const widths = [...IMAGE_WIDTHS.filter((w) => w < width), Math.min(width, largest)];
  const files: EncodedFile[] = [];
  for (const target of new Set(widths)) {
    const resized = () => sharp(decoded.data, { raw }).resize({ width: target });
    const [jpeg, webp] = await Promise.all([
      // JPEG has no alpha: transparent areas become white.
      resized()
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82 })
        .toBuffer({ resolveWithObject: true }),
      resized().webp({ quality: 80 }).toBuffer({ resolveWithObject: true }),
    ]);
    for (const [encoded, ext, mime] of [
      [jpeg, 'jpg', 'image/jpeg'],
      [webp, 'webp', 'image/webp'],
    ] as const) {
      files.push({
        key: keyFor(encoded.data, ext),
        mime,
        width: encoded.info.width,
        height: encoded.info.height,
        bytes: encoded.data,
      });
    }
  }
  return { kind, width, height, files, extracted };
}

/** GPS position and capture time from an EXIF block; nulls for what is absent or nonsense. */
export function readExif(exif: Buffer | undefined): ExtractedMetadata | null {
  if (!exif) return null;
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(exif);
  } catch {
    return null;
  }
  const gps = tags.GPSInfo;
  const lat = toDegrees(gps?.GPSLatitude, gps?.GPSLatitudeRef, 90);
  const lng = toDegrees(gps?.GPSLongitude, gps?.GPSLongitudeRef, 180);
  const hasPosition = lat !== null && lng !== null;
  const takenAt = toTakenAt(tags.Photo?.DateTimeOriginal, tags.Photo?.OffsetTimeOriginal);
  if (!hasPosition && takenAt === null) return null;
  return { lat: hasPosition ? lat : null, lng: hasPosition ? lng : null, takenAt };
}

function toDegrees(
  parts: number[] | undefined,
  ref: string | undefined,
  bound: number,
): number | null {
  if (!parts || parts.length === 0 || parts.some((p) => !Number.isFinite(p))) return null;
  const [degrees = 0, minutes = 0, seconds = 0] = parts;
  const value = degrees + minutes / 60 + seconds / 3600;
  const signed = ref === 'S' || ref === 'W' ? -value : value;
  return Math.abs(signed) <= bound ? Math.round(signed * 1e6) / 1e6 : null;
}

/** exif-reader reads the wall-clock time as if it were UTC; the offset tag, if any, corrects it. */
function toTakenAt(date: Date | undefined, offset: string | undefined): string | null {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return null;
  const wallClock = date.toISOString().slice(0, 19);
  const match = offset ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null;
  if (!match) return wallClock;
  const sign = match[1] === '-' ? -1 : 1;
  const offsetMs = sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return new Date(date.getTime() - offsetMs).toISOString();
}
