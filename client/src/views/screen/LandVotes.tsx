import { useTranslation } from 'react-i18next';
import type { LandCode, VoteRound } from '@plenum/shared';
import { useMeeting } from '../../store/index.ts';
import { useLandName } from '../common/hooks.ts';
import { useIsCalled } from './CalledLand.tsx';

/**
 * The 16 Länder as a grid (4 × 4 on a wide screen), each with its state in words, never by colour
 * alone. Open round: only WHETHER a Land has voted (R-MEM-2: it may still change its vote). Closed:
 * how it voted. A vote held by another Land (R-MEM-4, frozen in `vote.electorate` at the open,
 * R-VOT-5) says who casts it: "Saarland — Ja (durch Berlin)". Länder outside the electorate were
 * not present at the open. R-VOT-7: open or closed, every Land that has a vote says where it came
 * from, a device or declared orally ("Aufruf", "Handzeichen"), so the room follows a roll call as
 * it happens without seeing a choice before the close.
 */
export function LandVotes({ vote }: { vote: VoteRound }) {
  const { t } = useTranslation();
  const lands = useMeeting((s) => s.profile.lands);
  const landName = useLandName();
  const open = vote.status === 'open';
  const isCalled = useIsCalled(vote.id);
  const electorate = Object.keys(vote.electorate);
  const heading = open
    ? t('screen.votedLands', { count: Object.keys(vote.ballots).length, total: electorate.length })
    : t('screen.choicesCaption');

  const source = (land: LandCode) => {
    const b = vote.ballots[land];
    return b ? (b.oral ?? 'device') : null;
  };
  const cell = (land: LandCode) => {
    const slot = vote.electorate[land];
    if (!slot) {
      // R-VOT-5: the electorate froze at the open; a Land that checked in later is present now
      // but not in this round, which is what this says (not "absent").
      return { state: 'absent', text: t('screen.notInElectorate'), short: t('screen.notInElectorateShort'), testId: `not-entitled-${land}`, attrs: {} };
    }
    if (open) {
      const voted = Boolean(vote.ballots[land]);
      return {
        state: voted ? 'voted' : 'waiting',
        text: voted ? t('screen.hasVoted') : t('screen.notYetVoted'),
        short: null,
        testId: `voted-${land}`,
        attrs: { 'data-voted': voted },
      };
    }
    const choice = vote.choices?.[land] ?? null;
    return {
      state: choice ?? 'none',
      text: choice ? t(`choice.${choice}`) : t('choice.notVoted'),
      short: null,
      testId: `choice-${land}`,
      attrs: { 'data-choice': choice ?? 'none' },
    };
  };

  return (
    <section className="screen-lands-section" data-testid={open ? 'voted-lands' : 'land-choices'} aria-labelledby="screen-lands-heading">
      <h3 id="screen-lands-heading" className="visually-hidden">{heading}</h3>
      <ul className={`screen-lands ${open ? 'screen-lands-open' : 'screen-lands-closed'}`}>
        {lands.map(({ code }) => {
          const c = cell(code);
          const holder = vote.electorate[code]?.castBy;
          const by = holder && holder !== code ? t('screen.castBy', { land: landName(holder) }) : null;
          const from = holder ? source(code) : null;
          const called = open && isCalled(code);
          return (
            <li key={code} className={`screen-land land-${c.state} ${called ? 'land-called' : ''}`} data-testid={c.testId} data-source={from ?? 'none'} data-called={called} {...c.attrs}>
              <span className="screen-land-name">{landName(code)}{called && <span className="called-badge"> · {t('screen.calledShort')}</span>}</span>
              <span className="visually-hidden">: </span>
              <span className="screen-land-state">
                {c.state === 'voted' && <span aria-hidden="true">✓ </span>}
                {/* The compact layout (half a video call) shows the short form; screen readers get the full one. */}
                <span className={c.short ? 'state-long' : undefined}>{c.text}</span>
                {c.short && <span className="state-short" aria-hidden="true">{c.short}</span>}
                {by && <span className="screen-land-by"> ({by})</span>}
                {from && <span className={`screen-land-source source-${from}`}> · {t(`screen.source.${from}`)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
