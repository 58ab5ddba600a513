import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LandCode, Participant } from '@plenum/shared';
import { activeTransfers } from '@plenum/shared/src/meeting/derive.ts';
import { useMeeting } from '../../store/index.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { useLandName } from '../common/hooks.ts';
import { transferScopeText } from '../common/transferText.ts';
import { useCommand } from '../common/useCommand.ts';

/** R-MEM-4: transfer the own Land's vote to another Land (named items, or until revoked); revoke it. */
export function TransferPanel({ me }: { me: Participant }) {
  const { t } = useTranslation();
  const state = useMeeting((s) => s.state);
  const profile = useMeeting((s) => s.profile);
  const landName = useLandName();
  const formId = useId();
  const give = useCommand();
  const revoke = useCommand();
  const [to, setTo] = useState<LandCode>('');
  const [scopeKind, setScopeKind] = useState<'items' | 'untilRevoked'>('untilRevoked');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const myLand = me.land!;
  const transfers = activeTransfers(state);
  const given = transfers.filter((tr) => tr.from === myLand);
  const held = transfers.filter((tr) => tr.to === myLand);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    const scope = scopeKind === 'untilRevoked' ? { kind: 'untilRevoked' as const } : { kind: 'items' as const, itemIds };
    const res = await give.run({ type: 'transferVote', to, scope });
    if ('data' in res) { setTo(''); setItemIds([]); }
  };

  return (
    <section aria-labelledby="transfer-heading" className="panel">
      <h2 id="transfer-heading">{t('delegate.transfer.heading')}</h2>
      {held.length > 0 && (
        <ul className="plain" data-testid="transfers-held">
          {held.map((tr) => <li key={tr.id}>{t('delegate.transfer.held', { land: landName(tr.from), scope: transferScopeText(t, state, tr) })}</li>)}
        </ul>
      )}
      {given.length > 0 && (
        <ul className="plain" data-testid="transfers-given">
          {given.map((tr) => (
            <li key={tr.id}>
              {t('delegate.transfer.given', { land: landName(tr.to), scope: transferScopeText(t, state, tr) })}{' '}
              <button type="button" data-testid="revoke-transfer" onClick={() => revoke.run({ type: 'revokeTransfer', transferId: tr.id })}>
                {t('delegate.transfer.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={revoke.error} />
      <form onSubmit={submit} className="stack">
        <label className="field">
          {t('delegate.transfer.to')}
          <select data-testid="transfer-to" value={to} onChange={(e) => setTo(e.target.value)} required>
            <option value="">{t('delegate.transfer.chooseLand')}</option>
            {profile.lands.filter((l) => l.code !== myLand).map((l) => <option key={l.code} value={l.code}>{landName(l.code)}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>{t('delegate.transfer.scope')}</legend>
          <label className="radio">
            <input type="radio" name={`${formId}-scope`} checked={scopeKind === 'untilRevoked'} onChange={() => setScopeKind('untilRevoked')} />
            {t('transfer.untilRevoked')}
          </label>
          <label className="radio">
            <input type="radio" name={`${formId}-scope`} checked={scopeKind === 'items'} onChange={() => setScopeKind('items')} />
            {t('delegate.transfer.namedItems')}
          </label>
          {scopeKind === 'items' && (
            <div className="item-checks">
              {state.agenda.map((item) => (
                <label key={item.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={itemIds.includes(item.id)}
                    onChange={(e) => setItemIds(e.target.checked ? [...itemIds, item.id] : itemIds.filter((id) => id !== item.id))}
                  />
                  {item.number} {item.title}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <button type="submit" disabled={!to || (scopeKind === 'items' && itemIds.length === 0) || give.pending}>{t('delegate.transfer.submit')}</button>
        <ErrorAlert error={give.error} />
      </form>
    </section>
  );
}
