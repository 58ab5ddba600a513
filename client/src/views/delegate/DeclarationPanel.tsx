import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Participant } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { useCommand } from '../common/useCommand.ts';

/** R-VOT-4: members and permanent deputies may add a protocol declaration; temporary deputies may not. */
export function DeclarationPanel({ me, item }: { me: Participant; item: AgendaItem }) {
  const { t } = useTranslation();
  const declarations = useMeeting((s) => s.state.declarations);
  const landName = useLandName();
  const { run, error, pending } = useCommand();
  const [text, setText] = useState('');
  const mine = declarations.filter((d) => d.itemId === item.id && d.land === me.land);
  const allowed = me.kind === 'member' || me.kind === 'permanentDeputy';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await run({ type: 'addDeclaration', itemId: item.id, text });
    if ('data' in res) setText('');
  };

  return (
    <section aria-labelledby="declaration-heading" className="panel">
      <h2 id="declaration-heading">{t('delegate.declaration.heading')}</h2>
      {mine.length > 0 && (
        <ul className="plain" data-testid="declarations">
          {mine.map((d) => <li key={d.id}><q>{d.text}</q> <span className="muted">({landName(d.land)})</span></li>)}
        </ul>
      )}
      {allowed ? (
        <form onSubmit={submit} className="stack">
          <label className="field">
            {t('delegate.declaration.label', { item: item.number })}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} required maxLength={20000} />
          </label>
          <button type="submit" disabled={pending || text.trim() === ''}>{t('delegate.declaration.submit')}</button>
          <ErrorAlert error={error} />
        </form>
      ) : (
        <p className="notice" data-testid="declaration-not-allowed">{t('delegate.declaration.temporaryDeputy')}</p>
      )}
    </section>
  );
}
