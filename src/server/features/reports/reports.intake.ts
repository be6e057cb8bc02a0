import type { FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { SubmitReportForm, type SubmitReportBody } from '../../../common/api/reports.js';
import { REPORT_PHOTOS_MAX } from '../../../common/domain/reports.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { MediaIntake } from '../../media/intake.js';
import { defineMediaUse } from '../../media/media-use.js';

/** Up to five phone photos; they stay private (the reporter and the station's officers). */
export const reportPhotosUse = defineMediaUse('report-photos', {
  maxFiles: REPORT_PHOTOS_MAX,
  maxTotalBytes: 40 * 1024 * 1024,
  // The description may be 2,000 characters of multi-byte text.
  maxFieldBytes: 16 * 1024,
});

const NUMBER_FIELDS = new Set(['lat', 'lng', 'accuracyM']);
const BOOLEAN_FIELDS = new Set(['anonymous', 'isAnonymous']);

/** Text form fields as the JSON body has them: numbers and booleans parsed, others as sent. */
function typedFields(fields: Record<string, string>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (NUMBER_FIELDS.has(name) && value.trim() !== '' && Number.isFinite(Number(value))) {
      typed[name] = Number(value);
    } else if (BOOLEAN_FIELDS.has(name) && (value === 'true' || value === 'false')) {
      typed[name] = value === 'true';
    } else {
      typed[name] = value;
    }
  }
  return typed;
}

function problemField(error: { instancePath: string; params: Record<string, unknown> }): string {
  const fromPath = error.instancePath.split('/')[1];
  if (fromPath) return fromPath;
  const named = [error.params.requiredProperties, error.params.additionalProperties].find(
    Array.isArray,
  ) as unknown[] | undefined;
  return typeof named?.[0] === 'string' ? named[0] : 'body';
}

/**
 * Reads a multipart report: photos through the shared pipeline (sniffed, re-encoded, metadata
 * dropped; GPS kept in memory only), fields checked against the same schema as JSON. On any
 * refusal the staged files are gone before the error leaves.
 */
export async function receiveReportForm(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<{ input: SubmitReportBody; intake: MediaIntake }> {
  const intake = await ctx.media.receive(request, reportPhotosUse);
  try {
    const stray = intake.files.find((file) => file.field !== 'photos');
    if (stray) {
      throw new AppError(
        'report.unexpected_file',
        400,
        { field: stray.field },
        { fields: [{ field: stray.field, problem: 'report.unexpected_file' }] },
      );
    }
    const typed = typedFields(intake.fields);
    const errors = [...Value.Errors(SubmitReportForm, typed)];
    if (errors.length > 0) {
      const fields = [...new Set(errors.map(problemField))].map((field) => ({
        field,
        problem: errors.find((error) => problemField(error) === field)?.message ?? 'invalid',
      }));
      throw new AppError(
        'validation.failed',
        400,
        { fields: fields.map((f) => f.field).join(', ') },
        { fields },
      );
    }
    return { input: typed as SubmitReportBody, intake };
  } catch (error) {
    await intake.discard();
    throw error;
  }
}
