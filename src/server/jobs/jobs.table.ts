export interface JobTable {
  id: string;
  name: string;
  /** JSON */
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobsTables {
  job: JobTable;
}
