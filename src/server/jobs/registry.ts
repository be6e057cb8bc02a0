import { pushFanoutJob } from '../features/push/push.jobs.js';
import { qaSessionTimedJob } from '../features/qa/qa.jobs.js';
import type { JobDefinition } from './jobs.js';

/** Every job this deployment runs: the one place a job name is bound to its handler. */
export const jobDefinitions: readonly JobDefinition[] = [pushFanoutJob, qaSessionTimedJob];
