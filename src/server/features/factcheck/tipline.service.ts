import { Value } from 'typebox/value';
import {
  SubmitTipBody,
  type SubmittedTip,
  type TipAnswer,
  type TipGroupList,
  type TipGroupQuery,
  type TipGroupView,
  type TipTracking,
} from '../../../common/api/tipline.js';
import { clarificationPath } from '../../../common/domain/factcheck.js';
import { translate } from '../../../common/i18n/index.js';
import type { AccountActor, Actor } from '../../auth/actor.js';
import { assertCan } from '../../auth/policy.js';
import {
  hashTrackingSecret,
  newTrackingCode,
  newTrackingSecret,
  trackingSecretMatches,
} from '../../auth/tracking-codes.js';
import type { AppContext } from '../../context.js';
import { transaction, type Tx } from '../../db/database.js';
import { invalidFields, notFound } from '../../errors.js';
import { accountKey } from '../../geo/targeting.js';
import { newId } from '../../ids.js';
import type { StagedUpload } from '../../media/intake.js';
import { defineMediaUse } from '../../media/media-use.js';
import { publishStreamEvent } from '../../realtime/stream.service.js';
import { indonesianAnalyser } from '../../text/analyser.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueuePushFanout } from '../push/push.service.js';
import { getStationOrThrow } from '../stations/stations.service.js';
import { ClaimMatcher } from './claim-matcher.js';
import { findClarificationById } from './factcheck.repository.js';
import type { ClarificationRow } from './factcheck.table.js';
import {
  addTipToGroup,
  answerTipGroupRow,
  findTipByTrackingCode,
  findTipGroupById,
  insertTip,
  insertTipGroup,
  listOpenTipGroups,
  listTipGroups,
  listTipsOfGroups,
} from './tipline.repository.js';
import type { TipGroupRow, TipRow } from './tipline.table.js';

/** One optional picture of the forward; private to the station's officers. */
export const tipImageUse = defineMediaUse('factcheck-tip-image', {
  maxFiles: 1,
  maxFieldBytes: 64 * 1024,
});

/** New tips are compared with this many of the station's open groups, most recent first. */
const GROUPING_WINDOW = 500;
const QUEUE_PAGE = 100;
const SAMPLES = 3;

/** Multipart fields checked against the JSON body's schema. */
export function tipFromForm(fields: Record<string, string>): SubmitTipBody {
  if (!Value.Check(SubmitTipBody, fields)) {
    const named = [...Value.Errors(SubmitTipBody, fields)].map(
      (error) => error.instancePath.split('/')[1] ?? 'text',
    );
    throw invalidFields('validation.failed', [...new Set(named.length > 0 ? named : ['text'])]);
  }
  return fields;
}

/**
 * The open group this tip says the same as, by the check's own matcher over the groups' texts
 * (the same analyser and calibrated score; `confident` is the bar), or none.
 */
async function findSimilarGroup(
  tx: Tx,
  stationId: string,
  text: string,
): Promise<TipGroupRow | undefined> {
  const groups = await listOpenTipGroups(tx.db, stationId, GROUPING_WINDOW);
  if (groups.length === 0) return undefined;
  const matcher = new ClaimMatcher(indonesianAnalyser());
  for (const group of groups)
    matcher.put({ id: group.id, title: '', claim: group.text, examples: [] });
  const best = matcher.match(text, 1)[0];
  return best?.confident ? groups.find((group) => group.id === best.clarificationId) : undefined;
}

function toAnswer(row: ClarificationRow, publicUrl: string, at: string): TipAnswer {
  return {
    clarificationId: row.id,
    title: row.title,
    verdict: row.verdict,
    url: `${publicUrl}${clarificationPath(row.id)}`,
    answeredAt: at,
  };
}

async function answerOfGroup(ctx: AppContext, group: TipGroupRow): Promise<TipAnswer | null> {
  if (!group.clarificationId || !group.answeredAt) return null;
  const row = await findClarificationById(ctx.db, group.clarificationId);
  return row ? toAnswer(row, ctx.config.publicUrl, group.answeredAt) : null;
}

async function toTracking(ctx: AppContext, tip: TipRow): Promise<TipTracking> {
  const group = await findTipGroupById(ctx.db, tip.groupId);
  const station = await getStationOrThrow(ctx, tip.stationId);
  const answer = group ? await answerOfGroup(ctx, group) : null;
  return {
    trackingCode: tip.trackingCode,
    status: answer ? 'answered' : 'open',
    text: tip.text,
    hasImage: tip.mediaId !== null,
    station: { id: station.id, name: station.name },
    createdAt: tip.createdAt,
    answer,
  };
}

/** A citizen sends what nothing answered; logged in or not, they get a code and a secret. */
export async function submitTip(
  ctx: AppContext,
  actor: Actor,
  input: SubmitTipBody,
  images: readonly StagedUpload[] = [],
): Promise<SubmittedTip> {
  const station = await getStationOrThrow(ctx, input.stationId);
  const text = input.text.trim();
  if (text.length === 0) throw invalidFields('validation.failed', ['text']);
  const now = ctx.clock.now().toISOString();
  const secret = newTrackingSecret();
  const tip: TipRow = {
    id: newId(ctx.clock.now().getTime()),
    groupId: '',
    stationId: station.id,
    text,
    mediaId: null,
    accountId: actor.kind === 'account' ? actor.accountId : null,
    trackingCode: newTrackingCode(),
    secretHash: hashTrackingSecret(secret),
    createdAt: now,
  };
  await transaction(ctx.db, async (tx) => {
    const similar = await findSimilarGroup(tx, station.id, text);
    if (similar) {
      tip.groupId = similar.id;
      await addTipToGroup(tx.db, similar.id, now);
    } else {
      tip.groupId = newId(ctx.clock.now().getTime());
      await insertTipGroup(tx.db, {
        id: tip.groupId,
        stationId: station.id,
        text,
        tipCount: 1,
        status: 'open',
        clarificationId: null,
        firstAt: now,
        lastAt: now,
        answeredAt: null,
      });
    }
    const image = images[0];
    if (image) {
      const media = await ctx.media.attach(tx, image, {
        visibility: 'private',
        ownerType: 'factcheck_tip',
        ownerId: tip.id,
      });
      tip.mediaId = media.id;
    }
    await insertTip(tx.db, tip);
  });
  return { trackingCode: tip.trackingCode, secret, tracking: await toTracking(ctx, tip) };
}

/** The sender's page: a wrong code or secret is the same 404 as no tip at all. */
export async function trackTip(
  ctx: AppContext,
  trackingCode: string,
  secret: string | undefined,
): Promise<TipTracking> {
  const tip = await findTipByTrackingCode(ctx.db, trackingCode.toUpperCase());
  if (!tip || !trackingSecretMatches(secret, tip.secretHash))
    throw notFound('factcheck.tip_not_found');
  return toTracking(ctx, tip);
}

/** The officers' queue: groups by how many asked, each with a few of the texts as sent. */
export async function listTipQueue(
  ctx: AppContext,
  actor: Actor,
  query: TipGroupQuery,
): Promise<TipGroupList> {
  const station = await getStationOrThrow(ctx, query.stationId);
  assertCan(actor, 'factcheck.draft', station);
  const groups = await listTipGroups(
    ctx.db,
    { stationId: station.id, status: query.status ?? 'open' },
    QUEUE_PAGE,
  );
  const tips = await listTipsOfGroups(
    ctx.db,
    groups.map((group) => group.id),
  );
  const items: TipGroupView[] = [];
  for (const group of groups) {
    items.push({
      id: group.id,
      stationId: group.stationId,
      text: group.text,
      tipCount: group.tipCount,
      status: group.status,
      samples: tips
        .filter((tip) => tip.groupId === group.id)
        .slice(0, SAMPLES)
        .map((tip) => tip.text),
      firstAt: group.firstAt,
      lastAt: group.lastAt,
      answer: await answerOfGroup(ctx, group),
    });
  }
  return { items };
}

/** A group a new draft may answer: open, and at the draft's station. */
export async function assertAnswerableTipGroup(
  ctx: AppContext,
  groupId: string,
  stationId: string,
): Promise<void> {
  const group = await findTipGroupById(ctx.db, groupId);
  if (!group || group.stationId !== stationId) {
    throw invalidFields('factcheck.tip_group_not_found', ['tipGroupId']);
  }
}

/**
 * Inside the publishing transaction: every tip of the group is answered by the clarification;
 * those who asked logged in hear it on their stream and, where subscribed, by Web Push; the rest
 * read it on their tracking page.
 */
export async function answerTipGroup(
  ctx: AppContext,
  tx: Tx,
  clarification: ClarificationRow,
  actor: AccountActor,
): Promise<void> {
  const groupId = clarification.tipGroupId;
  if (!groupId) return;
  const now = ctx.clock.now().toISOString();
  if (!(await answerTipGroupRow(tx.db, groupId, clarification.id, now))) return;
  const answer = toAnswer(clarification, ctx.config.publicUrl, now);
  const tips = await listTipsOfGroups(tx.db, [groupId]);
  const keys = [
    ...new Set(tips.flatMap((tip) => (tip.accountId ? [accountKey(tip.accountId)] : []))),
  ];
  await recordAudit(ctx, tx, {
    actor,
    stationId: clarification.stationId,
    action: 'factcheck.tips_answered',
    target: { type: 'factcheck_tip_group', id: groupId },
    summary: { clarificationId: clarification.id, tips: tips.length },
  });
  if (keys.length === 0) return;
  const source = { type: 'factcheck_tip_group', id: groupId };
  await publishStreamEvent(ctx, tx, { type: 'factcheck.tip_answered', data: answer, keys, source });
  await enqueuePushFanout(ctx, tx, {
    keys,
    isDrill: false,
    category: 'factcheck',
    isSevere: false,
    payload: {
      id: groupId,
      // The askers' languages are not known here: Indonesian, as the clarification is.
      title: translate('id', 'factcheck.tip.answered_title', { verdict: answer.verdict }),
      body: answer.title,
      url: clarificationPath(clarification.id),
      tag: `factcheck-tip-${groupId}`,
      sourceType: source.type,
    },
    topic: `factcheck-tip-${groupId}`,
    ttlSeconds: 7 * 24 * 3600,
    sourceType: source.type,
    sourceId: groupId,
  });
}
