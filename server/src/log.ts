import { pino, type Logger } from 'pino';

/**
 * Logs never carry secrets: invitation tokens and session ids are redacted by path, and code never
 * logs a URL of /i/:token (see http/routes.ts, which logs the route pattern, not the URL).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['token', '*.token', 'cookie', '*.cookie', 'headers.cookie', 'req.headers.cookie', 'sessionId', '*.sessionId', 'url', '*.url'],
      censor: '[redacted]',
    },
  });
}
export type { Logger };
