/** What the pipeline accepts, decided by the bytes (never by the name or declared type). */
export type ImageKind = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';
export type MediaKind = ImageKind | 'pdf';

export const IMAGE_KINDS: readonly ImageKind[] = ['jpeg', 'png', 'webp', 'avif', 'gif'];

/**
 * The limits of one kind of upload (a report's photos, a post's cover, a contest entry's PDF),
 * all enforced while the request is read: the first byte over a limit ends the intake.
 */
export interface MediaUse {
  /** Names the use in logs. */
  name: string;
  maxFiles: number;
  maxBytesPerFile: number;
  maxTotalBytes: number;
  /** Width × height an image may declare in its header (decoding is refused beyond it too). */
  maxPixels: number;
  /** Non-file form fields sent alongside the files. */
  maxFields: number;
  maxFieldBytes: number;
  allowedKinds: readonly MediaKind[];
}

const MEGABYTE = 1024 * 1024;

/** Photos as a phone takes them: a few images of up to 12 MB and 50 megapixels. */
export function defineMediaUse(
  name: string,
  overrides: Partial<Omit<MediaUse, 'name'>> = {},
): MediaUse {
  return {
    name,
    maxFiles: 4,
    maxBytesPerFile: 12 * MEGABYTE,
    maxTotalBytes: 30 * MEGABYTE,
    maxPixels: 50_000_000,
    maxFields: 20,
    maxFieldBytes: 8 * 1024,
    allowedKinds: IMAGE_KINDS,
    ...overrides,
  };
}
