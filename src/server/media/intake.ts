import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import {
  keepPdf,
  processImage,
  sniffKind,
  SNIFF_BYTES,
  type ExtractedMetadata,
  type ProcessedFile,
} from './image.js';
import type { MediaStore } from './media-store.js';
import type { MediaKind, MediaUse } from './media-use.js';

interface StagedVariant {
  key: string;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: number;
  stagedName: string;
}

/**
 * One accepted file, re-encoded and staged under temporary names: nothing serves it and no row
 * names it until a feature attaches it inside its transaction (`ctx.media.attach`).
 */
export class StagedUpload {
  /** Set when the attaching transaction commits; the intake's discard waits for it. */
  promotion: Promise<void> | undefined;

  constructor(
    /** The form field the file came in. */
    readonly field: string,
    readonly kind: MediaKind,
    readonly width: number | null,
    readonly height: number | null,
    /** GPS and capture time from the image's EXIF, which is not stored: the caller may use it. */
    readonly extracted: ExtractedMetadata | null,
    readonly variants: readonly StagedVariant[],
    /** The narrowest JPEG variant's bytes, for features that look at the pixels; null for a PDF. */
    readonly preview: Buffer | null,
    /** The name the sender's device gave the file (untrusted: shown, never used as a path). */
    readonly filename: string,
  ) {}
}

/** The files and fields of one multipart request; `discard()` belongs in a `finally`. */
export interface MediaIntake {
  files: StagedUpload[];
  fields: Record<string, string>;
  /** Removes every staged file not promoted by a committed attach. Safe to call twice. */
  discard(): Promise<void>;
}

export interface ReceiveOptions {
  /**
   * Check and decode the files but store nothing, not even staged: the upload has no variants
   * and lives only in `preview` (an anonymous check's image, looked at and forgotten).
   */
  inMemory?: boolean;
}

const MULTIPART_ERRORS: Record<string, (use: MediaUse) => AppError> = {
  FST_FILES_LIMIT: (use) => new AppError('media.too_many_files', 413, { max: use.maxFiles }),
  FST_FIELDS_LIMIT: () => new AppError('media.too_many_fields', 413),
  FST_PARTS_LIMIT: () => new AppError('media.too_many_fields', 413),
  FST_REQ_FILE_TOO_LARGE: (use) => tooLarge(use.maxBytesPerFile),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => new AppError('media.not_multipart', 415),
  FST_PROTO_VIOLATION: () => new AppError('media.too_many_fields', 400),
  FST_INVALID_JSON_FIELD_ERROR: () => new AppError('media.field_too_long', 400),
};

const tooLarge = (maxBytes: number) =>
  new AppError('media.too_large', 413, { maxMb: Math.floor(maxBytes / (1024 * 1024)) });

/**
 * Reads a multipart request as a stream under the use's limits: each file's type is decided by
 * its first bytes, and reading stops at the first byte over any limit. Accepted files are
 * decoded, re-encoded and staged; on any refusal everything staged so far is removed.
 */
export async function receiveUpload(
  request: FastifyRequest,
  use: MediaUse,
  store: MediaStore,
  options: ReceiveOptions = {},
): Promise<MediaIntake> {
  const files: StagedUpload[] = [];
  const stagedNames: string[] = [];
  const intake: MediaIntake = {
    files,
    fields: {},
    async discard() {
      // Promoted files have left the staging area, so what remains there is not referenced.
      await Promise.allSettled(files.flatMap((file) => file.promotion ?? []));
      await Promise.all(stagedNames.map((name) => store.discardStaged(name)));
      stagedNames.length = 0;
    },
  };
  try {
    if (!request.isMultipart()) throw new AppError('media.not_multipart', 415);
    const parts = request.parts({
      limits: {
        files: use.maxFiles,
        // One byte more than allowed reaches readFilePart, which refuses at once; at the limit
        // itself busboy would quietly skip the rest of the part, reading it all.
        fileSize: use.maxBytesPerFile + 1,
        fields: use.maxFields,
        fieldSize: use.maxFieldBytes,
        parts: use.maxFiles + use.maxFields,
      },
    });
    let totalBytes = 0;
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) {
          throw new AppError('media.field_too_long', 413, { field: part.fieldname });
        }
        intake.fields[part.fieldname] = String(part.value);
        continue;
      }
      const { bytes, kind } = await readFilePart(part.file, use, totalBytes);
      totalBytes += bytes.length;
      const processed =
        kind === 'pdf' ? keepPdf(bytes) : await processImage(bytes, kind, use.maxPixels);
      files.push(
        options.inMemory
          ? toUpload(part.fieldname, part.filename, processed, [])
          : await stage(store, part.fieldname, part.filename, processed, stagedNames),
      );
    }
    return intake;
  } catch (err) {
    stopReading(request);
    await intake.discard();
    const code = (err as { code?: unknown }).code;
    const mapped = typeof code === 'string' ? MULTIPART_ERRORS[code] : undefined;
    throw mapped ? mapped(use) : err;
  }
}

const unreadRequests = new WeakSet<FastifyRequest>();

/**
 * A refused upload's remaining bytes are not worth reading: the parser stops being fed, and the
 * connection closes after the error response (see `registerMediaRoutes`).
 */
function stopReading(request: FastifyRequest): void {
  if (request.raw.readableEnded) return;
  request.raw.unpipe();
  request.raw.pause();
  unreadRequests.add(request);
}

export function leftBodyUnread(request: FastifyRequest): boolean {
  return unreadRequests.has(request);
}

async function stage(
  store: MediaStore,
  field: string,
  filename: string,
  processed: ProcessedFile,
  stagedNames: string[],
): Promise<StagedUpload> {
  const variants: StagedVariant[] = [];
  for (const file of processed.files) {
    const stagedName = await store.stage(file.bytes);
    // Recorded at once, so a failure on the next variant still removes this one.
    stagedNames.push(stagedName);
    variants.push({
      key: file.key,
      mime: file.mime,
      width: file.width,
      height: file.height,
      bytes: file.bytes.length,
      stagedName,
    });
  }
  return toUpload(field, filename, processed, variants);
}

function toUpload(
  field: string,
  filename: string,
  processed: ProcessedFile,
  variants: StagedVariant[],
) {
  const { kind, width, height, extracted } = processed;
  const preview = processed.files.find((file) => file.mime === 'image/jpeg')?.bytes ?? null;
  return new StagedUpload(field, kind, width, height, extracted, variants, preview, filename);
}

/**
 * Buffers one file part up to the per-file and total limits (a file over them is never read to
 * its end) and sniffs its type as soon as enough bytes have arrived.
 */
async function readFilePart(
  file: Readable & { truncated?: boolean },
  use: MediaUse,
  bytesSoFar: number,
): Promise<{ bytes: Buffer; kind: MediaKind }> {
  const chunks: Buffer[] = [];
  let length = 0;
  let kind: MediaKind | undefined;
  const sniff = async () => {
    const found = await sniffKind(Buffer.concat(chunks));
    if (!found || !use.allowedKinds.includes(found)) {
      throw new AppError('media.unsupported_type', 415, { allowed: use.allowedKinds.join(', ') });
    }
    return found;
  };
  for await (const chunk of file as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > use.maxBytesPerFile) throw tooLarge(use.maxBytesPerFile);
    if (bytesSoFar + length > use.maxTotalBytes) throw tooLarge(use.maxTotalBytes);
    chunks.push(chunk);
    if (!kind && length >= SNIFF_BYTES) kind = await sniff();
  }
  // busboy ends a file at the size limit and marks it truncated rather than failing it.
  if (file.truncated) throw tooLarge(use.maxBytesPerFile);
  kind ??= await sniff();
  return { bytes: Buffer.concat(chunks, length), kind };
}
