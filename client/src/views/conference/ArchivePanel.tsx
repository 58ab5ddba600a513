import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchArchive, type ArchiveEntry } from '@plenum/shared/src/conference/archive.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../format.ts';

/** The conference's archive: every resolution across the sessions with its follow-up, searchable. */
export function ArchivePanel({ entries }: { entries: ArchiveEntry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const found = searchArchive(entries, query);
  return (
    <section aria-labelledby="conference-archive" data-testid="conference-archive">
      <h3 id="conference-archive">{t('conference.archive.heading')}</h3>
      <label className="field">{t('conference.archive.search')}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={200} data-testid="archive-search" />
      </label>
      <p role="status" aria-live="polite">{t('conference.archive.count', { count: found.length })}</p>
      {found.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('conference.archive.heading')}</caption>
            <thead><tr>
              <th scope="col">{t('conference.archive.session')}</th><th scope="col">{t('conference.archive.item')}</th>
              <th scope="col">{t('conference.archive.outcome')}</th><th scope="col">{t('conference.archive.followUp')}</th>
            </tr></thead>
            <tbody>
              {found.map((e) => (
                <tr key={`${e.sessionId}.${e.itemId}`} data-testid={`archive-${e.sessionId}-${e.itemId}`}>
                  <td>{e.sessionTitle}<br /><span className="muted">{formatDate(e.date, lang, 'short')}</span></td>
                  <td>{e.number}: {e.title}</td>
                  <td>{t(`conference.archive.outcomes.${e.outcome}`)}</td>
                  <td>{e.followUp ? t(`conference.archive.followUps.${e.followUp}`) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
