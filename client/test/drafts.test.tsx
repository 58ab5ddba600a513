import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import type { ConferenceHome, DraftState } from '@plenum/shared';
import { decideDraft, evolveDraft, initialDraftState, type DraftEvent } from '@plenum/shared/src/drafts/index.ts';
import { demoDraftSteps } from '@plenum/shared/src/drafts/demo.ts';
import { DMK_PROFILE } from '@plenum/shared/src/dmkProfile.ts';
import DraftsView from '../src/views/drafts/DraftsView.tsx';
import ArbeitsgremiumLive, { bracketsInTurn, nextToCall } from '../src/views/drafts/ArbeitsgremiumLive.tsx';
import { agendaTargets } from '../src/views/drafts/VersionsPanel.tsx';
import { navigate } from '../src/router.ts';
import { demoMeeting, memberOf, office, seed } from './support/meeting.ts';

/** A stand-in for the server's socket: the test emits 'draft:changed' as the server would. */
const socket = vi.hoisted(() => {
  const handlers: Record<string, ((payload: unknown) => void)[]> = {};
  return {
    handlers,
    emit: (event: string, payload: unknown) => (handlers[event] ?? []).forEach((fn) => fn(payload)),
    io: () => ({ on: (event: string, fn: (payload: unknown) => void) => { (handlers[event] ??= []).push(fn); }, disconnect: () => {} }),
  };
});
vi.mock('socket.io-client', () => ({ io: socket.io }));

afterEach(() => { vi.unstubAllGlobals(); for (const k of Object.keys(socket.handlers)) delete socket.handlers[k]; });

/** The demo's TOP 7 paper (two open brackets: K1 held by BY and NW, K2 by HE alone), through the real decider. */
function demoPaper(): { state: DraftState; seq: number } {
  let state = initialDraftState();
  let seq = 0;
  const roster = DMK_PROFILE.lands.map((l) => ({ participantId: `p-${l.code}-member`, land: l.code }));
  for (const [i, { actor, command }] of demoDraftSteps().entries()) {
    const r = decideDraft(state, command, { now: `2024-03-0${1 + (i % 9)}T10:00:00.000Z`, actor, newId: () => 'draft-top-7', profile: DMK_PROFILE, roster });
    if (!r.ok) throw new Error(r.code);
    state = r.events.reduce((s: DraftState, e: DraftEvent) => evolveDraft(s, e), state);
    seq += r.events.length;
  }
  return { state, seq };
}
const serve = (rows: unknown) => vi.stubGlobal('fetch', vi.fn(async (url: string) =>
  new Response(JSON.stringify(url === '/api/between/draft' ? rows : null), { status: url === '/api/between/draft' ? 200 : 404, headers: { 'content-type': 'application/json' } })));

describe('drafts views (R-AGR-1..3)', () => {
  it('R-AGR-2: the Land sees its drafts, the brackets it holds, and hears when one is called', async () => {
    const paper = demoPaper();
    serve([{ id: 'draft-top-7', ...paper }]);
    seed(demoMeeting(), memberOf('BY'));
    act(() => navigate('/drafts', { replace: true }));
    render(<DraftsView />);
    const held = await screen.findByTestId('held-brackets');
    expect(held).toHaveTextContent('„Digitale Teilhabe“, Klammer K1: „zeitnah erfolgen wird“');
    expect(held).not.toHaveTextContent('allein');
    // The chair calls K1: Bavaria holds it, so Bavaria is told.
    const called = evolveDraft(paper.state, { type: 'BracketCalled', at: '2024-03-20T10:00:00.000Z', by: { role: 'chair', participantId: 'chair' }, bracketId: 'b1' });
    act(() => socket.emit('draft:changed', { kind: 'draft', id: 'draft-top-7', seq: paper.seq + 1, state: called, types: ['BracketCalled'] }));
    expect(await screen.findByTestId('draft-notices')).toHaveTextContent('Klammer K1 in „Digitale Teilhabe“, die Ihr Land hält, ist aufgerufen.');
  });

  it('R-AGR-2: Hesse sees that it holds K2 alone', async () => {
    serve([{ id: 'draft-top-7', ...demoPaper() }]);
    seed(demoMeeting(), memberOf('HE'));
    act(() => navigate('/drafts', { replace: true }));
    render(<DraftsView />);
    expect(await screen.findByTestId('held-brackets')).toHaveTextContent('Klammer K2: „Sie sehen dies als gesamtgesellschaftliche Aufgabe an.“ – Hier hält Ihr Land allein');
  });

  it('R-AGR-2: the office sees every draft by state and per Land the brackets it holds', async () => {
    serve([{ id: 'draft-top-7', ...demoPaper() }]);
    seed(demoMeeting(), office);
    act(() => navigate('/drafts', { replace: true }));
    render(<DraftsView />);
    const table = await screen.findByTestId('brackets-per-land');
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(row('Bayern')).toHaveTextContent('Digitale Teilhabe K1');
    expect(row('Hessen')).toHaveTextContent('Digitale Teilhabe K2');
    expect(within(table).queryByRole('rowheader', { name: 'Berlin' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Klammerpapier' })).toBeInTheDocument();
  });

  it('R-AGR-1: the Arbeitsgremium\'s live view lists each open bracket in turn with its holders; the Land answers the call', async () => {
    const paper = demoPaper();
    const called = evolveDraft(paper.state, { type: 'BracketCalled', at: '2024-03-20T10:00:00.000Z', by: { role: 'chair', participantId: 'chair' }, bracketId: 'b2' });
    serve([{ id: 'draft-top-7', state: called, seq: paper.seq + 1 }]);
    seed(demoMeeting(), memberOf('HE'));
    render(<ArbeitsgremiumLive mode="land" />);
    const list = await screen.findByTestId('ag-brackets');
    expect(within(list).getByTestId('ag-holders-b1')).toHaveTextContent('gehalten von BY, NW');
    expect(within(list).getByTestId('ag-bracket-b2')).toHaveTextContent('Klammer K2 (Ziffer 5) – aufgerufen');
    expect(within(list).getByTestId('ag-bracket-b2')).toHaveTextContent('Ihr Land hält diese Klammer (allein)');
    expect(within(screen.getByTestId('bracket-call')).getByRole('button', { name: 'hält fest' })).toBeInTheDocument();
    // The chair's call buttons are not the Land's.
    expect(screen.queryByRole('button', { name: /Nächste Klammer aufrufen/ })).toBeNull();
  });

  it('R-AGR-1: the chair calls the next bracket in turn: after K1 comes K2, after the last the first again', () => {
    const { state } = demoPaper();
    expect(bracketsInTurn(state).map((x) => [x.number, x.paragraph, x.holders])).toEqual([[1, 3, ['BY', 'NW']], [2, 5, ['HE']]]);
    expect(nextToCall(state)).toBe('b1');
    const at = (bracketId: string) => evolveDraft(state, { type: 'BracketCalled', at: '2024-03-20T10:00:00.000Z', by: { role: 'chair', participantId: 'c' }, bracketId });
    expect(nextToCall(at('b1'))).toBe('b2');
    expect(nextToCall(at('b2'))).toBe('b1');
  });

  it('R-AGR-3: a version goes to an upcoming DMK session; the one an Arbeitsgremium meeting proposed is named', () => {
    const session = (id: string, kind: string, phase: string, proposals: unknown[] = []) => ({
      id, kind, phase, title: `Sitzung ${id}`, date: '2027-05-01', meeting: { agendaProposals: proposals },
    });
    const home = {
      sessions: [
        session('ag-1', 'arbeitsgremium', 'past', [{ targetSessionId: 'dmk-3', drafts: [{ draftId: 'draft-top-7' }] }]),
        session('dmk-1', 'regular', 'past'), session('dmk-2', 'regular', 'upcoming'), session('dmk-3', 'extraordinary', 'upcoming'),
        session('ag-2', 'arbeitsgremium', 'upcoming'),
      ],
    } as unknown as ConferenceHome;
    expect(agendaTargets(home, 'draft-top-7', 'dmk-1').map((x) => [x.id, x.proposedBy])).toEqual([['dmk-2', null], ['dmk-3', 'Sitzung ag-1'], ['dmk-1', null]]);
    expect(agendaTargets(home, 'draft-other', null).map((x) => x.proposedBy)).toEqual([null, null]);
  });
});
