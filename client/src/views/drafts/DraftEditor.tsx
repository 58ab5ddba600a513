import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftState, ErrorPayload } from '@plenum/shared';
// Runtime helpers from their own files: the shared index would bring zod into the bundle.
import { openBrackets, snapshotOf } from '@plenum/shared/src/drafts/state.ts';
import { renderParagraphs } from '@plenum/shared/src/drafts/render.ts';
import { bracketNumbers } from './numbers.ts';
import { ErrorAlert } from '../common/ErrorAlert.tsx';
import { BracketCard, type Abilities } from './BracketCard.tsx';
import { CallPanel } from './CallPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

export { bracketNumbers };

/** The draft editor: numbered paragraphs with their brackets, the live call, versions. */
export function DraftEditor({ id, state: s, can, office, meetingId, act }: {
  id: string; state: DraftState; can: Abilities; office: boolean; meetingId: string | null; act: (command: unknown) => Promise<ErrorPayload | null>;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<ErrorPayload | null>(null);
  const run = async (command: unknown) => { const e = await act(command); setError(e); return e; };
  const numbers = bracketNumbers(s);
  const open = openBrackets(s);
  const involved = can.land !== null && (s.leadLand === can.land || s.coLands.includes(can.land));
  return (
    <article aria-labelledby="draft-title" className="draft-editor">
      <h2 id="draft-title" data-testid="draft-title">{s.title}</h2>
      <p>
        {t('drafts.lead')}: {s.leadLand}{s.coLands.length > 0 && <> · {t('drafts.co')}: {s.coLands.join(', ')}</>}
        {' · '}<strong data-testid="draft-kind">{open.length ? `${t('drafts.bracketPaper')} – ${t('drafts.openCount', { count: open.length })}` : t('drafts.agreed')}</strong>
      </p>
      {can.land && can.land !== s.leadLand && (
        <button type="button" onClick={() => void run({ type: involved ? 'leaveDraft' : 'joinDraft' })}>{t(involved ? 'drafts.leave' : 'drafts.join')}</button>
      )}
      <ErrorAlert error={error} testId="draft-error" />
      <CallPanel state={s} numbers={numbers} can={can} act={run} />
      <ol className="draft-text">
        {renderParagraphs(snapshotOf(s, 0, null)).map((p) => (
          <li key={p.id} data-testid={`paragraph-${p.id}`}>
            <p>
              {p.segments.map((seg, i) => (seg.kind === 'text' ? <span key={i}>{seg.text}</span> : (
                <mark key={i} className="bracket" data-testid={`mark-${seg.bracket.id}`}>
                  [{seg.text}]<sup>K{numbers[seg.bracket.id]}: {seg.bracket.holders.map((h) => h.land).join(', ') || '–'}</sup>
                </mark>
              )))}
            </p>
            {open.filter((b) => b.paragraphId === p.id).map((b) => <BracketCard key={b.id} bracket={b} number={numbers[b.id] ?? 0} can={can} act={run} />)}
            <ParagraphTools paragraphId={p.id} text={s.paragraphs.find((x) => x.id === p.id)?.text ?? ''} number={p.number} can={can} act={run} />
          </li>
        ))}
      </ol>
      {can.leads && <AddParagraph act={run} />}
      <VersionsPanel id={id} state={s} can={can} office={office} meetingId={meetingId} act={run} />
    </article>
  );
}

/** Bracket a passage (typed or pasted from the paragraph; empty = the whole paragraph), or edit the paragraph. */
function ParagraphTools({ paragraphId, text, number, can, act }: { paragraphId: string; text: string; number: number; can: Abilities; act: (c: unknown) => Promise<ErrorPayload | null> }) {
  const { t } = useTranslation();
  const [passage, setPassage] = useState('');
  const [wording, setWording] = useState('');
  const [edit, setEdit] = useState(text);
  const bracket = async (e: FormEvent) => {
    e.preventDefault();
    const start = passage ? text.indexOf(passage) : -1;
    const span = passage && start >= 0 ? { start, end: start + passage.length } : passage ? { start: 0, end: text.length + 1 } : undefined;
    const refused = await act({ type: 'bracketPassage', paragraphId, ...(span ? { span } : {}), ...(wording.trim() ? { alternative: wording.trim() } : {}) });
    if (!refused) { setPassage(''); setWording(''); }
  };
  return (
    <div className="paragraph-tools">
      {can.land && (
        <details>
          <summary>{t('drafts.setBracket')} ({t('drafts.paragraph', { n: number })})</summary>
          <form onSubmit={bracket} className="inline-form">
            <label htmlFor={`passage-${paragraphId}`}>{t('drafts.passage')}</label>
            <input id={`passage-${paragraphId}`} value={passage} onChange={(e) => setPassage(e.target.value)} />
            <label htmlFor={`wording-${paragraphId}`}>{t('drafts.ownWording')}</label>
            <textarea id={`wording-${paragraphId}`} rows={2} value={wording} onChange={(e) => setWording(e.target.value)} />
            <button type="submit">{t('drafts.bracketSubmit')}</button>
          </form>
        </details>
      )}
      {can.leads && (
        <details>
          <summary>{t('drafts.edit')} ({t('drafts.paragraph', { n: number })})</summary>
          <form onSubmit={(e) => { e.preventDefault(); void act({ type: 'editParagraph', paragraphId, text: edit }); }} className="inline-form">
            <label htmlFor={`edit-${paragraphId}`}>{t('drafts.paragraph', { n: number })}</label>
            <textarea id={`edit-${paragraphId}`} rows={3} value={edit} onChange={(e) => setEdit(e.target.value)} />
            <button type="submit">{t('drafts.save')}</button>
          </form>
        </details>
      )}
    </div>
  );
}

function AddParagraph({ act }: { act: (c: unknown) => Promise<ErrorPayload | null> }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <form className="inline-form" onSubmit={async (e) => { e.preventDefault(); if (!(await act({ type: 'addParagraph', text }))) setText(''); }}>
      <label htmlFor="add-paragraph">{t('drafts.addParagraph')}</label>
      <textarea id="add-paragraph" required rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">{t('drafts.add')}</button>
    </form>
  );
}
