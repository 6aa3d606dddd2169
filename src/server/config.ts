import { z } from 'zod';

/**
 * Environment configuration, validated once at the edge. Every variable is documented in the
 * README's configuration table; defaults are chosen so `npm start` works with no setup.
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true');

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
  };
}

/** The process-wide configuration, read on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
