import type { StreamQuery } from '../../common/api/stream.js';
import { STREAM_EVENT_ID_PATTERN } from '../../common/api/stream.js';
import type { Actor } from '../auth/actor.js';
import type { AppContext } from '../context.js';
import { listAccountAreaCodes } from '../features/areas/areas.service.js';
import { optionalPoint } from '../geo/points.js';
import { subscriberKeys } from '../geo/targeting.js';

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
  const point = optionalPoint(query);
  const areaCodes = query.areas ? query.areas.split(',') : [];
  if (actor.kind === 'account') {
    for (const area of await listAccountAreaCodes(ctx, actor.accountId))
      areaCodes.push(area.areaCode);
  }
  // A browser resends the id we gave it; anything else in the header is ignored, not an error.
  const fromHeader =
    lastEventIdHeader && EVENT_ID.test(lastEventIdHeader) ? lastEventIdHeader : undefined;
  return {
    keys: subscriberKeys(areaCodes, point),
    wantsDrills: query.drills === '1' || query.drills === 'true',
    lastEventId: fromHeader ?? query.lastEventId,
  };
}
