import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '@plenum/shared';
import { errorMessage } from '../../i18n/index.ts';

/** A refusal, translated from its code; role=alert makes screen readers say it at once. */
export function ErrorAlert({ error, testId }: { error: ErrorPayload | null; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error" role="alert" data-testid={testId ?? 'error'} data-code={error.code} data-rule={error.rule}>
      {errorMessage(t, error)}
    </p>
  );
}
