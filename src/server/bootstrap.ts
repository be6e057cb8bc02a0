import { randomBytes } from 'node:crypto';
import type { AppContext } from './context.js';
import { createAccountAsSystem, hasPlatformAdmin } from './features/accounts/accounts.service.js';
import { prepareAuditLog } from './features/audit/audit.service.js';
import { hasAreas, importAreas, type AreaImportResult } from './features/areas/areas.service.js';

export interface BootstrapResult {
  /** Set when the area table was empty and the national list was imported. */
  areas?: AreaImportResult;
  /** Set when there was no platform admin and one was created. */
  admin?: {
    email: string;
    /** Generated when SIAGA_ADMIN_PASSWORD is unset; shown once, never stored or logged. */
    oneTimePassword?: string;
  };
}

/** admin@<public host>, or admin@siaga.local when the host is bare (`localhost`). */
export function defaultAdminEmail(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return `admin@${host.includes('.') && !/^[\d.]+$/.test(host) ? host : 'siaga.local'}`;
}

/**
 * What a fresh deployment needs before it can serve: the national area list and a first
 * platform admin (and an audit chain that is keyed, its head in the log). Runs on every start
 * and does nothing once both exist.
 */
export async function bootstrapInstance(ctx: AppContext): Promise<BootstrapResult> {
  const result: BootstrapResult = {};
  await prepareAuditLog(ctx);
  if (!(await hasAreas(ctx))) result.areas = await importAreas(ctx);
  if (!(await hasPlatformAdmin(ctx))) {
    const email = ctx.config.adminEmail ?? defaultAdminEmail(ctx.config.publicUrl);
    // 16 base64url characters: 96 bits.
    const oneTimePassword =
      ctx.config.adminPassword === undefined ? randomBytes(12).toString('base64url') : undefined;
    await createAccountAsSystem(ctx, {
      email,
      name: 'Platform Admin',
      password: ctx.config.adminPassword ?? oneTimePassword ?? '',
      role: 'platform_admin',
      stationId: null,
    });
    ctx.log.info({ email }, 'first platform admin created');
    result.admin = { email, ...(oneTimePassword ? { oneTimePassword } : {}) };
  }
  return result;
}
