import { isIPv4, isIPv6 } from 'node:net';
import { pino, type DestinationStream } from 'pino';
import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/**
 * An address reduced to its network (/24 for IPv4, /48 for IPv6): enough to see a flood
 * from one network in the logs, not enough to point at one household.
 */
export function coarsenAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0/24`;
  if (!isIPv6(address)) return undefined;
  const [head = ''] = address.split('::');
  const groups = address.includes('::') ? head.split(':').filter(Boolean) : address.split(':');
  const network = [...groups, '0', '0', '0'].slice(0, 3).join(':');
  return `${network}::/48`;
}

type LoggedRequest = Pick<FastifyRequest, 'method' | 'url' | 'ip' | 'routeOptions'>;

/** What a request log line says about the request. */
export function requestLogSerializer(config: Pick<Config, 'logClientAddress'>) {
  return (request: LoggedRequest) => {
    if (request.routeOptions?.config?.anonymousSubmission) {
      // A submission that may be anonymous: the route pattern only, so that neither the
      // address nor a tracking code in the URL ever stands beside the time of the line.
      return { method: request.method, route: request.routeOptions.url };
    }
    return {
      method: request.method,
      url: request.url,
      remoteAddress: config.logClientAddress === 'full' ? request.ip : coarsenAddress(request.ip),
    };
  };
}

export function createLogger(
  config: Pick<Config, 'logLevel' | 'logClientAddress'>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    serializers: { req: requestLogSerializer(config) },
  };
  return destination ? pino(options, destination) : pino(options);
}
