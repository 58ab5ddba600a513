import { useCallback, useState } from 'react';
import type { Command, ErrorPayload } from '@plenum/shared';
import { send, type SendResult } from '../../store/index.ts';

/**
 * Runs a command and keeps its refusal for the component to show (translated, in an alert).
 * `pending` is true until the server answered; offline, the command waits in the store's queue.
 */
export function useCommand() {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (command: Command): Promise<SendResult> => {
    setPending(true);
    setError(null);
    const result = await send(command);
    setPending(false);
    if ('error' in result) setError(result.error);
    return result;
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { run, error, pending, clear };
}
