import { z } from 'zod';

/** Server configuration. Parsed from the environment with zod; tests pass it directly. */
export const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('0.0.0.0'),
  dataDir: z.string().min(1).default('./data'),
  publicUrl: z.string().url().optional(),
  allowedOrigins: z.array(z.string().min(1)).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Per-socket token bucket: messages per second and burst. */
  rateLimit: z.object({ perSecond: z.number().positive(), burst: z.number().positive() }).default({ perSecond: 20, burst: 40 }),
  /** Directory with the built client (vite). Missing directory: the API still runs. */
  clientDir: z.string().default('dist/client'),
  /** Create the demo meeting on first start with an empty data folder. */
  demo: z.boolean().default(true),
  /** Print the demo invitation links (the one place a secret is printed on purpose). */
  printDemoLinks: z.boolean().default(true),
  /** Bearer token for GET /metrics; without one, /metrics answers only direct requests from this machine. */
  metricsToken: z.string().min(16).optional(),
  /** Protocol PDF worker: time limit per rendering, renderings waiting, PDFs kept. */
  pdf: z.object({ timeoutMs: z.number().int().positive(), maxQueue: z.number().int().positive(), cacheSize: z.number().int().positive() })
    .partial().default({}),
});
export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string; allowedOrigins: string[] };

/** Fill in the defaults that depend on the port (the public URL and the origin allowlist). */
export function resolveConfig(input: ConfigInput, boundPort?: number): Config {
  const c = ConfigSchema.parse(input);
  const port = boundPort ?? c.port;
  const publicUrl = (c.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const allowedOrigins = c.allowedOrigins ?? [new URL(publicUrl).origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return { ...c, publicUrl, allowedOrigins: [...new Set(allowedOrigins)] };
}

const EnvSchema = z.object({
  PORT: z.string().optional(),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.string().optional(),
  RATE_PER_SECOND: z.string().optional(),
  RATE_BURST: z.string().optional(),
  DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  METRICS_TOKEN: z.string().optional(),
});

/** Read the environment (PORT, HOST, DATA_DIR, PUBLIC_URL, ALLOWED_ORIGINS, LOG_LEVEL, ...). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ConfigInput {
  const e = EnvSchema.parse(env);
  const input: ConfigInput = {};
  if (e.PORT !== undefined) input.port = Number(e.PORT);
  if (e.HOST) input.host = e.HOST;
  if (e.DATA_DIR) input.dataDir = e.DATA_DIR;
  if (e.PUBLIC_URL) input.publicUrl = e.PUBLIC_URL;
  if (e.ALLOWED_ORIGINS) input.allowedOrigins = e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  if (e.LOG_LEVEL) input.logLevel = e.LOG_LEVEL as ConfigInput['logLevel'];
  if (e.RATE_PER_SECOND || e.RATE_BURST) {
    input.rateLimit = { perSecond: Number(e.RATE_PER_SECOND ?? 20), burst: Number(e.RATE_BURST ?? 40) };
  }
  if (e.METRICS_TOKEN) input.metricsToken = e.METRICS_TOKEN;
  if (e.DEMO) input.demo = e.DEMO === '1' || e.DEMO === 'true';
  return input;
}
