import { defineJob } from '../../jobs/jobs.js';
import { publishScheduledPost } from './posts.service.js';

export interface PostPublishScheduledPayload {
  postId: string;
  /** The time it was scheduled for: a later reschedule makes this job a no-op. */
  publishAt: string;
}

declare module '../../jobs/queue.js' {
  interface JobPayloads {
    'posts.publish-scheduled': PostPublishScheduledPayload;
  }
}

/** Publishes a scheduled post when its time comes (kept in the jobs table across restarts). */
export const publishScheduledJob = defineJob({
  name: 'posts.publish-scheduled',
  attempts: 10,
  backoff: { baseMs: 5_000, maxMs: 5 * 60_000 },
  run: (ctx, payload) => publishScheduledPost(ctx, payload),
});
