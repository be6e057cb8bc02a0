import type { StreamQuery } from '../../common/api/stream.js';
import { STREAM_EVENT_ID_PATTERN } from '../../common/api/stream.js';
import type { Actor } from '../auth/actor.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { listAccountAreaCodes } from '../features/areas/areas.service.js';
import { qaStreamKey } from '../../common/domain/qa.js';
import { accountKey, subscriberKeys } from '../geo/targeting.js';

export interface StreamSubscription {
  keys: string[];
  wantsDrills: boolean;
  /** Replay what came after this event before the live ones. */
  lastEventId: string | undefined;
}

const EVENT_ID = new RegExp(STREAM_EVENT_ID_PATTERN);

/**
 * What one tab listens to: the logged-in citizen's areas, the areas and point it names, and
 * drills only when asked. A tab with none of these still gets events for everyone.
 */
export async function openStreamSubscription(
  ctx: AppContext,
  actor: Actor,
  query: StreamQuery,
  lastEventIdHeader: string | undefined,
): Promise<StreamSubscription> {
  if ((query.lat === undefined) !== (query.lng === undefined)) {
    const field = query.lat === undefined ? 'lat' : 'lng';
    throw new AppError(
      'validation.failed',
      400,
      { fields: field },
      {
        fields: [{ field, problem: 'lat and lng go together' }],
      },
    );
  }
  const areaCodes = query.areas ? query.areas.split(',') : [];
  if (actor.kind === 'account') {
    for (const area of await listAccountAreaCodes(ctx, actor.accountId))
      areaCodes.push(area.areaCode);
  }
  const point =
    query.lat !== undefined && query.lng !== undefined
      ? { lat: query.lat, lng: query.lng }
      : undefined;
  // A browser resends the id we gave it; anything else in the header is ignored, not an error.
  const fromHeader =
    lastEventIdHeader && EVENT_ID.test(lastEventIdHeader) ? lastEventIdHeader : undefined;
  const keys = subscriberKeys(areaCodes, point);
  if (actor.kind === 'account') keys.push(accountKey(actor.accountId));
  if (query.qa) keys.push(qaStreamKey(query.qa));
  return {
    keys,
    wantsDrills: query.drills === '1' || query.drills === 'true',
    lastEventId: fromHeader ?? query.lastEventId,
  };
}
