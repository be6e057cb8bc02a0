import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface HttpMetrics {
  registry: Registry;
  observe(method: string, route: string, status: number, elapsedMs: number): void;
}

/** One registry per app, so tests can build many apps in one process. */
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'siaga_' });
  const duration = new Histogram({
    name: 'siaga_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    registry,
    observe: (method, route, status, elapsedMs) =>
      duration.observe({ method, route, status: String(status) }, elapsedMs / 1000),
  };
}
