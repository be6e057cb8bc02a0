import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../context.js';
import { ANONYMOUS, type Actor } from './actor.js';
import {
  findLiveSessionByTokenHash,
  insertSession,
  listGrantsOfAccount,
  revokeSession,
  touchSession,
} from './session.repository.js';
import { newId } from '../ids.js';

export const SESSION_COOKIE = 'siaga_session';
/** Sessions slide: each use within the window extends them, up to this idle limit. */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
/** Writing lastSeenAt on every request would turn reads into writes: once an hour is enough. */
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function openSession(
  ctx: AppContext,
  accountId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await insertSession(ctx.db, {
    id: newId(now.getTime()),
    accountId,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** Resolves a session cookie to an actor; anything unknown, expired or revoked is anonymous. */
export async function resolveActor(
  ctx: AppContext,
  token: string | undefined,
  options: { touch: boolean } = { touch: true },
): Promise<Actor> {
  if (!token) return ANONYMOUS;
  const now = ctx.clock.now();
  const session = await findLiveSessionByTokenHash(ctx.db, hashToken(token), now.toISOString());
  if (!session) return ANONYMOUS;
  if (options.touch && now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_INTERVAL_MS) {
    await touchSession(
      ctx.db,
      session.sessionId,
      now.toISOString(),
      new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    );
  }
  return {
    kind: 'account',
    accountId: session.accountId,
    name: session.name,
    sessionId: session.sessionId,
    isVerified: session.isVerified,
    grants: await listGrantsOfAccount(ctx.db, session.accountId),
  };
}

export async function closeSession(ctx: AppContext, sessionId: string): Promise<void> {
  await revokeSession(ctx.db, sessionId, ctx.clock.now().toISOString());
}
