import { useTranslation } from 'react-i18next';
import { quorumStatus } from '@plenum/shared/src/meeting/derive.ts';
import { useMeeting } from '../../store/index.ts';

/** R-VOT-3: Länder present with an entitled representative, against the number required. */
export function Quorum({ large = false }: { large?: boolean }) {
  const { t } = useTranslation();
  // Select stable references; a selector returning a fresh object would re-render forever.
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const q = quorumStatus(state, profile);
  return (
    <p className={`quorum ${q.met ? 'quorum-met' : 'quorum-missing'} ${large ? 'large' : ''}`} data-testid="quorum" data-met={q.met}>
      <span className="quorum-label">{t('quorum.label')}: </span>
      <strong>{t('quorum.numbers', { count: q.present, required: q.required })}</strong>{' '}
      <span>{q.met ? t('quorum.met') : t('quorum.notMet')}</span>
    </p>
  );
}
