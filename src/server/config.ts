import { z } from 'zod';

/**
 * Environment configuration, validated once at the edge. Every variable is documented in the
 * README's configuration table; defaults are chosen so `npm start` works with no setup.
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

/** An empty variable counts as unset, so `FOO= npm start` means the default. */
const unsetIfEmpty = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  DATABASE_URL: z.string().min(1).default('file:db/chasm.sqlite'),
  PUBLIC_ORIGIN: z.string().url().default('http://localhost:4321'),
  DEMO_PASSWORD: z.string().min(8).default('chasm-demo'),
  CHASM_DEMO: z.enum(['0', '1', '']).optional(),
  SMTP_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().default('Chasm <no-reply@chasm.test>'),
  TRUST_PROXY: booleanFlag,
  CHASM_JOBS: z.enum(['0', '1', '']).optional(),
  LOGIN_IP_LIMIT: z.coerce.number().int().positive().default(50),
  CHASM_DEMO_VISITORS_PER_DAY: z.coerce.number().int().min(0).max(5000).default(300),
  PERSONA_HOLDOUT_PERCENT: unsetIfEmpty(z.coerce.number().min(0).max(50).default(5)),
  PERSONA_PROGRAM: unsetIfEmpty(
    z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'use lower-case letters, digits and -')
      .default('persona-site'),
  ),
  REVIEW_SLA_HOURS: z.coerce
    .number({ invalid_type_error: 'must be a number of hours (0 to 720)' })
    .positive('must be a number of hours (0 to 720)')
    .max(720, 'must be a number of hours (0 to 720)')
    .default(48),
  // A value that is not a whole number of days keeps the default rather than stopping the server.
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(0).catch(395),
  // Beacon flood guard: a missing or unusable value keeps the default.
  BEACON_BURST: z.coerce.number().positive().catch(60),
  BEACON_RATE: z.coerce.number().positive().catch(5),
  METRICS_TOKEN: unsetIfEmpty(
    z.string().min(16, 'METRICS_TOKEN must be at least 16 characters.').optional(),
  ),
  MAIL_RETRY_HOURS: z.coerce
    .number({ message: 'MAIL_RETRY_HOURS must be a number of hours.' })
    .min(1, 'MAIL_RETRY_HOURS must be at least 1.')
    .max(720, 'MAIL_RETRY_HOURS must be at most 720 (30 days).')
    .default(24),
  API_RATE_LIMIT: unsetIfEmpty(
    z.coerce
      .number({ message: 'API_RATE_LIMIT must be a whole number of requests per minute.' })
      .int('API_RATE_LIMIT must be a whole number of requests per minute.')
      .min(1, 'API_RATE_LIMIT must be at least 1 request per minute.')
      .max(1_000_000, 'API_RATE_LIMIT must be at most 1,000,000 requests per minute.')
      .default(600),
  ),
  ROI_COMPUTE_PER_MINUTE: unsetIfEmpty(
    z.coerce
      .number({ message: 'ROI_COMPUTE_PER_MINUTE must be a whole number of calls per minute.' })
      .int('ROI_COMPUTE_PER_MINUTE must be a whole number of calls per minute.')
      .min(1, 'ROI_COMPUTE_PER_MINUTE must be at least 1 call per minute.')
      .default(30),
  ),
  WEBHOOK_ALLOW_PRIVATE: unsetIfEmpty(
    z.enum(['0', '1'], { message: 'WEBHOOK_ALLOW_PRIVATE must be 0 or 1.' }).optional(),
  ),
  HOST: unsetIfEmpty(z.string().default('127.0.0.1')),
  PORT: unsetIfEmpty(
    z.coerce
      .number({ message: 'PORT must be a port number (0 to 65535; 0 picks a free one).' })
      .int('PORT must be a port number (0 to 65535; 0 picks a free one).')
      .min(0, 'PORT must be a port number (0 to 65535; 0 picks a free one).')
      .max(65_535, 'PORT must be a port number (0 to 65535; 0 picks a free one).')
      .default(4321),
  ),
  ALLOWED_HOSTS: unsetIfEmpty(z.string().optional()),
  WEB_CONCURRENCY: unsetIfEmpty(
    z.coerce
      .number({ message: 'WEB_CONCURRENCY must be a whole number from 1 to 64.' })
      .int('WEB_CONCURRENCY must be a whole number from 1 to 64.')
      .min(1, 'WEB_CONCURRENCY must be a whole number from 1 to 64.')
      .max(64, 'WEB_CONCURRENCY must be a whole number from 1 to 64.')
      .default(1),
  ),
  CHASM_STARTUP_WAIT_MS: unsetIfEmpty(
    z.coerce
      .number({ message: 'CHASM_STARTUP_WAIT_MS must be a number of milliseconds.' })
      .int()
      .min(0, 'CHASM_STARTUP_WAIT_MS must be a number of milliseconds.')
      .default(20_000),
  ),
  SQLITE_SYNCHRONOUS: z.preprocess(
    (value) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined),
    z
      .enum(['normal', 'full'], { message: 'SQLITE_SYNCHRONOUS must be "normal" or "full".' })
      .default('normal'),
  ),
});

export type Config = {
  isProduction: boolean;
  databaseUrl: string;
  publicOrigin: string;
  demoPassword: string;
  /** Demo data is created in development, and in production only with CHASM_DEMO=1. */
  shouldSeedDemo: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  runJobs: boolean;
  loginIpLimit: number;
  /** Simulated visitors per day in the demo analytics (90 days). */
  demoVisitorsPerDay: number;
  /** The persona holdout: this share (0–50%) of inferred visitors see the generic page. */
  holdout: { percent: number; program: string };
  /** Hours a channel manager has to decide a submitted deal. */
  reviewSlaHours: number;
  /** Days raw analytics events are kept (0: forever). */
  analyticsRetentionDays: number;
  /** Analytics batches one client address may send at once, and refilled per second. */
  beacon: { burst: number; ratePerSecond: number };
  /**
   * SQLite's `synchronous`: `normal` (with WAL, a commit survives a crash of the process but
   * the last commits can be lost on power loss) or `full` (every commit is on disk before it
   * returns, at the cost `npm run bench analytics` measures).
   */
  sqliteSynchronous: 'normal' | 'full';
  /** How long a failing e-mail is retried before it is `failed` and the admins are told. */
  mailRetryHours: number;
  /** GET /metrics answers only with `Authorization: Bearer <this>`; null turns it off. */
  metricsToken: string | null;
  /** Partner-API requests per minute per key (a key may carry its own limit). */
  apiRatePerMinute: number;
  /** roi.compute calls a visitor's address may make per minute (a signed-in user: ten times). */
  roiComputePerMinute: number;
  /** Webhooks to private addresses: 1 allows, 0 refuses, unset allows outside production. */
  webhookAllowPrivate: boolean | null;
  /** Where the edge server listens. */
  listen: { host: string; port: number };
  /** Extra Host names the edge answers for, comma-separated (PUBLIC_ORIGIN's always counts). */
  allowedHosts: string | undefined;
  /** Edge worker processes (node:cluster) to run. */
  webConcurrency: number;
  /** How long start-up waits for a database that is still starting. */
  startupWaitMs: number;
};

let cached: Config | undefined;

/** Reads and validates the environment; throws a readable error naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid environment configuration: ${details}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  return {
    isProduction,
    databaseUrl: e.DATABASE_URL,
    publicOrigin: e.PUBLIC_ORIGIN.replace(/\/$/, ''),
    demoPassword: e.DEMO_PASSWORD,
    shouldSeedDemo: isProduction ? e.CHASM_DEMO === '1' : e.CHASM_DEMO !== '0',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    runJobs: e.CHASM_JOBS !== '0',
    loginIpLimit: e.LOGIN_IP_LIMIT,
    demoVisitorsPerDay: e.CHASM_DEMO_VISITORS_PER_DAY,
    holdout: { percent: e.PERSONA_HOLDOUT_PERCENT, program: e.PERSONA_PROGRAM },
    reviewSlaHours: e.REVIEW_SLA_HOURS,
    analyticsRetentionDays: e.ANALYTICS_RETENTION_DAYS,
    beacon: { burst: e.BEACON_BURST, ratePerSecond: e.BEACON_RATE },
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    mailRetryHours: e.MAIL_RETRY_HOURS,
    metricsToken: e.METRICS_TOKEN ?? null,
    apiRatePerMinute: e.API_RATE_LIMIT,
    roiComputePerMinute: e.ROI_COMPUTE_PER_MINUTE,
    webhookAllowPrivate:
      e.WEBHOOK_ALLOW_PRIVATE === undefined ? null : e.WEBHOOK_ALLOW_PRIVATE === '1',
    listen: { host: e.HOST, port: e.PORT },
    allowedHosts: e.ALLOWED_HOSTS,
    webConcurrency: e.WEB_CONCURRENCY,
    startupWaitMs: e.CHASM_STARTUP_WAIT_MS,
  };
}

/** The process-wide configuration, read on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/**
 * Reads the environment again. Only tests need it: they change a variable of the running
 * process (vi.stubEnv) and must see the setting change as a restarted server would.
 */
export function reloadConfig(): Config {
  cached = undefined;
  return config();
}
