import { isIP } from 'node:net';
import path from 'node:path';
import {
  DEFAULT_FACTCHECK_VERDICTS,
  FACTCHECK_VERDICT_PATTERN,
} from '../common/domain/factcheck.js';
import { CRIME_CATEGORY_PATTERN, DEFAULT_CRIME_CATEGORIES } from '../common/domain/stats.js';

/** Everything Siaga reads from the environment, parsed once. The only reader of process.env. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Media files; a volume every node mounts when there are several. */
  mediaDir: string;
  /** Unreferenced media files older than this are removed by the hourly sweep. */
  mediaOrphanGraceMs: number;
  /** `postgres://…` selects PostgreSQL; absent means SQLite in the data dir. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel: deployments (or test runs) sharing one Redis stay apart. */
  redisNamespace: string;
  publicUrl: string;
  /** Secret for signing and hashing (SIAGA_SECRET); generated and kept in the database when absent. */
  secret: string | undefined;
  /** Where the audit chain's HMAC key comes from: never the database the chain lives in. */
  auditKey: AuditKeySource;
  smtpUrl: string | undefined;
  smsGatewayUrl: string | undefined;
  adminPassword: string | undefined;
  /** The first platform admin's login; defaults to admin@<public host>. */
  adminEmail: string | undefined;
  logLevel: string;
  /** Map tiles for the console's alert composer: a `{z}/{x}/{y}` template, `{s}` allowed. */
  mapTileUrl: string;
  /** The tiles' origin as a CSP source (`{s}` subdomains become a wildcard). */
  mapTileSource: string;
  /** development: local outbox readable over HTTP, non-Secure cookies on http. */
  environment: 'production' | 'development' | 'test';
  /**
   * Which peers may set X-Forwarded-For/-Host/-Proto: a hop count, or addresses/CIDRs
   * (`loopback`, `10.0.0.0/8`, …). False believes no forwarding header.
   */
  trustProxy: number | string[] | false;
  /** Bearer token for GET /metrics; without it /metrics answers only outside production. */
  metricsToken: string | undefined;
  /** Client addresses in logs: `coarse` (/24, /48) or `full`. */
  logClientAddress: 'coarse' | 'full';
  /** Crime categories of the statistics, in display order (Polri's classes by default). */
  crimeCategories: string[];
  /** Verdict labels of clarifications, in the order editors see them. */
  factcheckVerdicts: string[];
  /** A running job renews its lease; a job of a dead node is claimed again after this. */
  jobLeaseMs: number;
  /** Subscriptions per Web Push page job: one alert's fan-out is split into jobs of this many. */
  pushPageSize: number;
  /** Days after which a closed report loses its personal data (contact, reporter, photos). */
  reportRetentionDays: number;
  /** Reports of one category this close in space and time form a cluster at the threshold. */
  reportClusters: { radiusM: number; windowDays: number; threshold: number };
}

/**
 * SIAGA_AUDIT_KEY, else SIAGA_AUDIT_KEY_FILE, else a key derived from SIAGA_SECRET (only when
 * it comes from the environment), else a key file beside the data directory.
 */
export type AuditKeySource =
  | { from: 'env'; key: string }
  | { from: 'file'; path: string }
  | { from: 'secret'; secret: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const portText = read('SIAGA_PORT') ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`SIAGA_PORT must be a whole number from 0 to 65535, got "${portText}"`);
  }

  const databaseUrl = read('SIAGA_DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'SIAGA_DATABASE_URL must be a postgres:// URL (leave it unset for SQLite in the data dir)',
    );
  }

  const redisUrl = read('SIAGA_REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('SIAGA_REDIS_URL must be a redis:// or rediss:// URL');
  }
  const redisNamespace = read('SIAGA_REDIS_NAMESPACE') ?? '';
  if (!/^[\w.-]*$/.test(redisNamespace)) {
    problems.push('SIAGA_REDIS_NAMESPACE may hold only letters, digits, _, . and -');
  }

  const host = read('SIAGA_HOST') ?? '0.0.0.0';
  const publicUrl =
    read('SIAGA_PUBLIC_URL') ?? `http://localhost:${Number.isInteger(port) ? port : 8080}`;
  if (!isHttpUrl(publicUrl)) {
    problems.push(`SIAGA_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  }

  const smtpUrl = read('SIAGA_SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    problems.push('SIAGA_SMTP_URL must be an smtp:// or smtps:// URL');
  }
  const smsGatewayUrl = read('SIAGA_SMS_GATEWAY_URL');
  if (smsGatewayUrl && !isHttpUrl(smsGatewayUrl)) {
    problems.push('SIAGA_SMS_GATEWAY_URL must be an http(s) URL');
  }

  const secret = read('SIAGA_SECRET');
  if (secret !== undefined && secret.length < 32) {
    problems.push('SIAGA_SECRET must be at least 32 characters');
  }

  const auditKey = read('SIAGA_AUDIT_KEY');
  if (auditKey !== undefined && auditKey.length < 32) {
    problems.push('SIAGA_AUDIT_KEY must be at least 32 characters');
  }

  const environmentText =
    read('SIAGA_ENV') ?? (read('NODE_ENV') === 'test' ? 'test' : 'production');
  if (!['production', 'development', 'test'].includes(environmentText)) {
    problems.push('SIAGA_ENV must be production, development or test');
  }

  const logLevel = read('SIAGA_LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`SIAGA_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const adminPassword = read('SIAGA_ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < 10) {
    problems.push('SIAGA_ADMIN_PASSWORD must be at least 10 characters');
  }

  const adminEmail = read('SIAGA_ADMIN_EMAIL');
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(adminEmail)) {
    problems.push(`SIAGA_ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  }

  const mapTileUrl = read('SIAGA_MAP_TILE_URL') ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
  const mapTileSource = tileSource(mapTileUrl);
  if (!mapTileSource || !['{z}', '{x}', '{y}'].every((part) => mapTileUrl.includes(part))) {
    problems.push(
      `SIAGA_MAP_TILE_URL must be an http(s) URL with {z}, {x} and {y}, got "${mapTileUrl}"`,
    );
  }

  const trustProxy = parseTrustProxy(read('SIAGA_TRUST_PROXY'), problems);

  const metricsToken = read('SIAGA_METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16) {
    problems.push('SIAGA_METRICS_TOKEN must be at least 16 characters');
  }

  const logClientAddress = read('SIAGA_LOG_CLIENT_ADDRESS') ?? 'coarse';
  if (logClientAddress !== 'coarse' && logClientAddress !== 'full') {
    problems.push('SIAGA_LOG_CLIENT_ADDRESS must be coarse or full');
  }

  const graceText = read('SIAGA_MEDIA_ORPHAN_GRACE_HOURS') ?? '24';
  const graceHours = Number(graceText);
  if (!Number.isFinite(graceHours) || graceHours <= 0) {
    problems.push(`SIAGA_MEDIA_ORPHAN_GRACE_HOURS must be a positive number, got "${graceText}"`);
  }

  const crimeCategories = (read('SIAGA_CRIME_CATEGORIES') ?? DEFAULT_CRIME_CATEGORIES.join(','))
    .split(',')
    .map((category) => category.trim());
  if (crimeCategories.some((category) => !new RegExp(CRIME_CATEGORY_PATTERN).test(category))) {
    problems.push(
      'SIAGA_CRIME_CATEGORIES must be a comma-separated list of lower-case codes (a-z, 0-9, _)',
    );
  }

  const factcheckVerdicts = (
    read('SIAGA_FACTCHECK_VERDICTS') ?? DEFAULT_FACTCHECK_VERDICTS.join(',')
  )
    .split(',')
    .map((verdict) => verdict.trim());
  if (factcheckVerdicts.some((verdict) => !new RegExp(FACTCHECK_VERDICT_PATTERN).test(verdict))) {
    problems.push(
      'SIAGA_FACTCHECK_VERDICTS must be a comma-separated list of upper-case labels (A-Z and spaces, 3-40 characters)',
    );
  }

  const leaseText = read('SIAGA_JOB_LEASE_SECONDS') ?? '30';
  const leaseSeconds = Number(leaseText);
  if (!Number.isFinite(leaseSeconds) || leaseSeconds < 1) {
    problems.push(
      `SIAGA_JOB_LEASE_SECONDS must be a number of seconds, 1 or more, got "${leaseText}"`,
    );
  }
  const pageText = read('SIAGA_PUSH_PAGE_SIZE') ?? '500';
  const pushPageSize = Number(pageText);
  if (!Number.isInteger(pushPageSize) || pushPageSize < 1 || pushPageSize > 10_000) {
    problems.push(`SIAGA_PUSH_PAGE_SIZE must be a whole number from 1 to 10000, got "${pageText}"`);
  }
  const retentionText = read('SIAGA_REPORT_RETENTION_DAYS') ?? '365';
  const reportRetentionDays = Number(retentionText);
  if (!Number.isInteger(reportRetentionDays) || reportRetentionDays < 1) {
    problems.push(
      `SIAGA_REPORT_RETENTION_DAYS must be a whole number of days (1 or more), got "${retentionText}"`,
    );
  }

  const wholeNumber = (name: string, fallback: string, min: number, what: string): number => {
    const text = read(name) ?? fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) {
      problems.push(`${name} must be a whole number of ${what} (${min} or more), got "${text}"`);
    }
    return value;
  };
  const reportClusters = {
    radiusM: wholeNumber('SIAGA_REPORT_CLUSTER_RADIUS_M', '1000', 1, 'metres'),
    windowDays: wholeNumber('SIAGA_REPORT_CLUSTER_DAYS', '7', 1, 'days'),
    threshold: wholeNumber('SIAGA_REPORT_CLUSTER_THRESHOLD', '3', 2, 'reports'),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(read('SIAGA_DATA_DIR') ?? './data');
  const auditKeyFile = read('SIAGA_AUDIT_KEY_FILE');

  return {
    port,
    host,
    dataDir,
    mediaDir: path.resolve(read('SIAGA_MEDIA_DIR') ?? path.join(dataDir, 'media')),
    mediaOrphanGraceMs: graceHours * 3_600_000,
    databaseUrl,
    redisUrl,
    redisNamespace,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    secret,
    auditKey: auditKey
      ? { from: 'env', key: auditKey }
      : auditKeyFile
        ? { from: 'file', path: path.resolve(auditKeyFile) }
        : secret
          ? { from: 'secret', secret }
          : // Beside the data directory, so a copy of the data directory alone does not carry it.
            { from: 'file', path: `${dataDir}.audit-key` },
    smtpUrl,
    smsGatewayUrl,
    adminPassword,
    adminEmail,
    logLevel,
    environment: environmentText as Config['environment'],
    mapTileUrl,
    mapTileSource: mapTileSource ?? '',
    trustProxy,
    metricsToken,
    logClientAddress: logClientAddress as Config['logClientAddress'],
    crimeCategories: [...new Set(crimeCategories)],
    factcheckVerdicts: [...new Set(factcheckVerdicts)],
    jobLeaseMs: leaseSeconds * 1000,
    pushPageSize,
    reportRetentionDays,
    reportClusters,
  };
}

/** Names proxy-addr understands besides addresses and CIDRs. */
const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function parseTrustProxy(text: string | undefined, problems: string[]): Config['trustProxy'] {
  if (text === undefined || text === 'false' || text === 'none') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.filter(
    (entry) => !PROXY_NAMES.includes(entry) && !isAddressOrCidr(entry),
  );
  if (invalid.length === 0) return entries;
  problems.push(
    `SIAGA_TRUST_PROXY must be a hop count from 1 to 10 or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal; got "${text}"`,
  );
  return false;
}

function isAddressOrCidr(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128);
}

/** `https://{s}.tile.example.org/{z}/…` → `https://*.tile.example.org`; undefined if not http(s). */
function tileSource(template: string): string | undefined {
  const wildcard = template.includes('{s}.');
  const concrete = template.replace('{s}.', 'a.');
  if (!isHttpUrl(concrete)) return undefined;
  const url = new URL(concrete);
  const host = wildcard ? url.host.replace(/^a\./, '*.') : url.host;
  return `${url.protocol}//${host}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
