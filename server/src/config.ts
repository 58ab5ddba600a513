import { z } from 'zod';

/** Server configuration. Parsed from the environment with zod; tests pass it directly. */
export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  /** Where the record lives: `sqlite` (embedded, a file in dataDir) or `postgres` (databaseUrl; several equal nodes may share it). */
  store: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** postgres://user@host:port/database, required with store 'postgres'. */
  databaseUrl: z.string().min(1).optional(),
  /** redis://host:6379: fan-out between nodes (server/src/cluster/redis-fanout.ts); needs store 'postgres'. */
  redisUrl: z.string().min(1).optional(),
  /** Names this installation's Redis stream and channels (several installations or test runs may share a Redis). */
  redisPrefix: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('plenum'),
  publicUrl: z.string().url().optional(),
  allowedOrigins: z.array(z.string().min(1)).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Messages per second and burst: per socket, and for all sockets of one person together. */
  rateLimit: z.object({ perSecond: z.number().positive(), burst: z.number().positive() }).default({ perSecond: 20, burst: 40 }),
  /** Directory with the built client (vite). Missing directory: the API still runs. */
  clientDir: z.string().default('dist/client'),
  /** Create the demo meeting on first start with an empty data folder. */
  demo: z.boolean().default(true),
  /** Print the demo invitation links (the one place a secret is printed on purpose). */
  printDemoLinks: z.boolean().default(true),
  /** Bearer token for GET /metrics; without one, /metrics answers only direct requests from this machine. */
  metricsToken: z.string().min(16).optional(),
  /** Per person (cookie session) and per address, over all sockets: server/src/socket/person-limits.ts. */
  limits: z.object({
    socketsPerSession: z.number().int().positive().default(10),
    socketsPerIp: z.number().int().positive().default(300),
    snapshotsPerMinute: z.number().int().positive().default(30),
    bytesPerSecond: z.number().int().positive().default(64 * 1024),
    bytesBurst: z.number().int().positive().default(512 * 1024),
  }).prefault({}),
  /** REST requests per minute, per address and per cookie session. */
  restPerMinute: z.object({ perIp: z.number().int().positive().default(600), perSession: z.number().int().positive().default(300) }).prefault({}),
  /** The Ed25519 key that signs checkpoints of the log (its own file, never in the database); default <dataDir>/keys/checkpoint-ed25519.pem. */
  checkpointKeyFile: z.string().min(1).optional(),
  /** The AES-256 key that seals conference invitation links (default: <dataDir>/keys/invitation-links.key). */
  invitationKeyFile: z.string().min(1).optional(),
  /** Serve a log that does not verify read-only (every command refused log.tampered) instead of refusing to start. */
  readOnlyOnTamper: z.boolean().default(false),
  /**
   * The log check before serving: `snapshot` verifies a stream with a sealed snapshot from the row
   * after it (server/src/verify/start-check.ts), `full` every stream from its first row, as `npm run verify`.
   */
  verifyOnStart: z.enum(['full', 'snapshot']).default('snapshot'),
  /** Cookie sessions end after this long unused (idle) and this long after the link was redeemed (absolute). */
  sessionIdleMinutes: z.number().positive().default(24 * 60),
  sessionAbsoluteHours: z.number().positive().default(7 * 24),
  /** A scheduled deadline overdue by more than this (3 days: a weekend off is normal, a clock jump is not) waits for an operator. */
  schedulerMaxOverdueMs: z.number().int().positive().default(3 * 86_400_000),
  /** Protocol PDF worker: time limit per rendering, renderings waiting, PDFs kept. */
  pdf: z.object({ timeoutMs: z.number().int().positive(), maxQueue: z.number().int().positive(), cacheSize: z.number().int().positive() })
    .partial().default({}),
  /** Public followers get at most one projection per this many ms (socket/follower-fanout.ts). */
  publicIntervalMs: z.number().int().min(0).max(10_000).default(100),
});
export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string; allowedOrigins: string[] };

/** Fill in the defaults that depend on the port (the public URL and the origin allowlist). */
export function resolveConfig(input: ConfigInput, boundPort?: number): Config {
  const c = ConfigSchema.parse(input);
  if (c.store === 'postgres' && !c.databaseUrl) throw new Error('STORE=postgres needs DATABASE_URL (postgres://user@host:5432/database)');
  // Nodes share the record through PostgreSQL; a SQLite file belongs to one process.
  if (c.redisUrl && c.store !== 'postgres') throw new Error('REDIS_URL (several nodes) needs STORE=postgres and DATABASE_URL');
  const port = boundPort ?? c.port;
  const publicUrl = (c.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const allowedOrigins = c.allowedOrigins ?? [new URL(publicUrl).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return { ...c, publicUrl, allowedOrigins: [...new Set(allowedOrigins)] };
}

const EnvSchema = z.object({
  PORT: z.string().optional(),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  STORE: z.enum(['sqlite', 'postgres']).optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  REDIS_PREFIX: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.string().optional(),
  RATE_PER_SECOND: z.string().optional(),
  RATE_BURST: z.string().optional(),
  DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  NODE_ENV: z.string().optional(),
  SESSION_IDLE_MINUTES: z.string().regex(/^\d+$/).optional(),
  SESSION_ABSOLUTE_HOURS: z.string().regex(/^\d+$/).optional(),
  CHECKPOINT_KEY_FILE: z.string().optional(),
  INVITATION_KEY_FILE: z.string().optional(),
  READ_ONLY_ON_TAMPER: z.enum(['0', '1']).optional(),
  VERIFY_ON_START: z.enum(['full', 'snapshot']).optional(),
  SCHEDULER_MAX_OVERDUE_MS: z.string().regex(/^\d+$/).optional(),
  SOCKETS_PER_SESSION: z.string().optional(),
  SOCKETS_PER_IP: z.string().optional(),
  SNAPSHOTS_PER_MINUTE: z.string().optional(),
  REST_PER_MINUTE_IP: z.string().optional(),
  REST_PER_MINUTE_SESSION: z.string().optional(),
  METRICS_TOKEN: z.string().optional(),
  PUBLIC_INTERVAL_MS: z.string().regex(/^\d+$/).optional(),
});

/** Read the environment (PORT, HOST, DATA_DIR, STORE, DATABASE_URL, REDIS_URL, REDIS_PREFIX, PUBLIC_URL, ALLOWED_ORIGINS, LOG_LEVEL, PUBLIC_INTERVAL_MS, ...). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ConfigInput {
  const e = EnvSchema.parse(env);
  const input: ConfigInput = {};
  if (e.PORT !== undefined) input.port = Number(e.PORT);
  if (e.HOST) input.host = e.HOST;
  if (e.DATA_DIR) input.dataDir = e.DATA_DIR;
  if (e.STORE) input.store = e.STORE;
  if (e.DATABASE_URL) input.databaseUrl = e.DATABASE_URL;
  if (e.REDIS_URL) input.redisUrl = e.REDIS_URL;
  if (e.REDIS_PREFIX) input.redisPrefix = e.REDIS_PREFIX;
  if (e.PUBLIC_URL) input.publicUrl = e.PUBLIC_URL;
  if (e.ALLOWED_ORIGINS) input.allowedOrigins = e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  if (e.LOG_LEVEL) input.logLevel = e.LOG_LEVEL as ConfigInput['logLevel'];
  if (e.RATE_PER_SECOND || e.RATE_BURST) {
    input.rateLimit = { perSecond: Number(e.RATE_PER_SECOND ?? 20), burst: Number(e.RATE_BURST ?? 40) };
  }
  if (e.METRICS_TOKEN) input.metricsToken = e.METRICS_TOKEN;
  const limits: NonNullable<ConfigInput['limits']> = {};
  if (e.SOCKETS_PER_SESSION) limits.socketsPerSession = Number(e.SOCKETS_PER_SESSION);
  if (e.SOCKETS_PER_IP) limits.socketsPerIp = Number(e.SOCKETS_PER_IP);
  if (e.SNAPSHOTS_PER_MINUTE) limits.snapshotsPerMinute = Number(e.SNAPSHOTS_PER_MINUTE);
  if (Object.keys(limits).length) input.limits = limits;
  if (e.REST_PER_MINUTE_IP || e.REST_PER_MINUTE_SESSION) {
    input.restPerMinute = { perIp: Number(e.REST_PER_MINUTE_IP ?? 600), perSession: Number(e.REST_PER_MINUTE_SESSION ?? 300) };
  }
  if (e.DEMO) input.demo = e.DEMO === '1' || e.DEMO === 'true';
  if (e.PUBLIC_INTERVAL_MS) input.publicIntervalMs = Number(e.PUBLIC_INTERVAL_MS);
  // In production no secret goes to stdout (logs are collected and kept): the office creates
  // invitations in the application instead.
  if (e.NODE_ENV === 'production') input.printDemoLinks = false;
  if (e.SESSION_IDLE_MINUTES) input.sessionIdleMinutes = Number(e.SESSION_IDLE_MINUTES);
  if (e.SESSION_ABSOLUTE_HOURS) input.sessionAbsoluteHours = Number(e.SESSION_ABSOLUTE_HOURS);
  if (e.CHECKPOINT_KEY_FILE) input.checkpointKeyFile = e.CHECKPOINT_KEY_FILE;
  if (e.INVITATION_KEY_FILE) input.invitationKeyFile = e.INVITATION_KEY_FILE;
  if (e.READ_ONLY_ON_TAMPER) input.readOnlyOnTamper = e.READ_ONLY_ON_TAMPER === '1';
  if (e.VERIFY_ON_START) input.verifyOnStart = e.VERIFY_ON_START;
  if (e.SCHEDULER_MAX_OVERDUE_MS) input.schedulerMaxOverdueMs = Number(e.SCHEDULER_MAX_OVERDUE_MS);
  return input;
}
