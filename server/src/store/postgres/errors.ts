import { StoreUnavailable } from '../event-log.ts';

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '53300']);
const UNREACHABLE_MESSAGES = /Connection terminated|connection timeout|timeout expired|timeout exceeded|not queryable|Client was closed|Connection refused/i;

/** The database cannot be reached or dropped the connection (as opposed to a refused statement). */
export function isUnreachable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (err instanceof AggregateError) return err.errors.some(isUnreachable);
  return UNREACHABLE_MESSAGES.test(err.message);
}

/** Run a database call; a lost or refused connection becomes StoreUnavailable, everything else passes. */
export async function reachable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw isUnreachable(err) && !(err instanceof StoreUnavailable) ? new StoreUnavailable(err) : err;
  }
}

/** SQLSTATE unique_violation. */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === '23505';
