import { defineJob } from '../../jobs/jobs.js';
import { announceTimedQaState } from './qa.service.js';

export interface QaSessionTimedPayload {
  sessionId: string;
}

declare module '../../jobs/queue.js' {
  interface JobPayloads {
    'qa.session-timed': QaSessionTimedPayload;
  }
}

/** At a session's start and end: tells viewers and followers (idempotent). */
export const qaSessionTimedJob = defineJob({
  name: 'qa.session-timed',
  attempts: 5,
  backoff: { baseMs: 5_000, maxMs: 60_000 },
  run: (ctx, payload) => announceTimedQaState(ctx, payload.sessionId),
});
