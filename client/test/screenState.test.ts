import { describe, expect, it } from 'vitest';
import type { Command } from '@plenum/shared';
import { itemCalledAtAfter } from '../src/store/meetingStore.ts';
import type { ConnectionStatus } from '../src/store/index.ts';
import { screenState, type ScreenState } from '../src/views/screen/screenState.ts';
import { ALL_LANDS, chair, demoMeeting, memberOf, type Meeting } from './support/meeting.ts';

const FOURTEEN = ALL_LANDS.slice(0, 14);

/** The screen's state as a client that saw every event live (or joined from a snapshot) computes it. */
function shown(m: Meeting, options: { connection?: ConnectionStatus; snapshot?: boolean } = {}): ScreenState {
  return screenState({
    state: m.state, connection: options.connection ?? 'online', loaded: m.seq > 0,
    itemCalledAt: options.snapshot ? null : itemCalledAtAfter(m.envelopes, null),
  });
}

/** A compact name for a state, to compare sequences. */
function label(s: ScreenState): string {
  switch (s.kind) {
    case 'itemCalled': return `itemCalled ${s.item.number}`;
    case 'voteOpen': return `voteOpen ${s.item?.number ?? s.vote.motion.kind}`;
    case 'result': return `result ${s.item?.number ?? s.vote.motion.kind} ${s.vote.explanation?.outcome ?? s.vote.status}`;
    case 'speaker': return `speaker ${s.speaker.name}`;
    case 'offline': return `offline (${s.stale ? label(s.stale) : 'nothing'})`;
    default: return s.kind;
  }
}

describe('room screen as a state machine (one state at a time)', () => {
  it('in order: waiting → item called → vote open → result → next item → closed', () => {
    const m = demoMeeting();
    const seen: string[] = [label(shown(m))];
    m.checkIn(FOURTEEN);
    m.run({ type: 'setCurrentItem', itemId: 'top-6' }, chair);
    seen.push(label(shown(m)));
    m.run({ type: 'openVote', motion: { kind: 'resolution', itemId: 'top-6', paragraph: null } }, chair);
    seen.push(label(shown(m)));
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    seen.push(label(shown(m)));
    m.run({ type: 'setCurrentItem', itemId: 'top-7' }, chair);
    seen.push(label(shown(m)));
    m.run({ type: 'closeSession' }, chair);
    seen.push(label(shown(m)));
    expect(seen).toEqual(['waiting', 'itemCalled TOP 6', 'voteOpen TOP 6', 'result TOP 6 adopted', 'itemCalled TOP 7', 'closed']);
  });

  it('a result from before an item was called is not shown under that item (public-session vote, then TOP 6 called)', () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    m.run({ type: 'openVote', motion: { kind: 'setPublic', public: true } }, chair);
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    expect(label(shown(m))).toBe('result setPublic adopted');
    m.run({ type: 'setCurrentItem', itemId: 'top-6' }, chair);
    expect(label(shown(m))).toBe('itemCalled TOP 6');
    // Joined from a snapshot (the time of the call unknown): still not that result.
    expect(label(shown(m, { snapshot: true }))).toBe('itemCalled TOP 6');
  });

  it('R-AGD-2: the admission vote for a short-notice item is titled by that item, not by the item called; once it is called, the item shows', () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    const added = m.run({
      type: 'addAgendaItem', shortNotice: true, itemId: 'top-11',
      item: { number: 'TOP 11', title: 'Digitale Souveränität', kind: 'proposal', rapporteurs: ['SN'], paragraphs: [{ number: '1', text: 'Bericht.' }] },
    } as Command, { role: 'office', participantId: null });
    expect(added).not.toHaveLength(0);
    m.run({ type: 'setCurrentItem', itemId: 'top-2a' }, chair);
    m.run({ type: 'openVote', motion: { kind: 'admitShortNotice', itemId: 'top-11' } }, chair);
    expect(label(shown(m))).toBe('voteOpen TOP 11');
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    expect(label(shown(m))).toBe('result TOP 11 adopted');
    m.run({ type: 'setCurrentItem', itemId: 'top-11' }, chair);
    expect(label(shown(m))).toBe('itemCalled TOP 11');
    expect(label(shown(m, { snapshot: true }))).toBe('itemCalled TOP 11');
  });

  it('a speaker given the floor after a result replaces it; a vote opened while someone speaks replaces the speaker', () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    m.openResolution('top-6');
    FOURTEEN.forEach((land) => m.cast(land, 'no'));
    m.close();
    m.run({ type: 'requestFloor' }, memberOf('BY'));
    m.run({ type: 'giveFloor', participantId: 'p-BY-member' }, chair);
    const speaking = shown(m);
    expect(speaking.kind).toBe('speaker');
    if (speaking.kind === 'speaker') expect(speaking.item?.id).toBe('top-6');
    m.run({ type: 'openVote', motion: { kind: 'resolution', itemId: 'top-6', paragraph: null } }, chair);
    expect(label(shown(m))).toBe('voteOpen TOP 6');
  });

  it('a closed session says so, never the last result', () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    m.openResolution('top-6');
    FOURTEEN.forEach((land) => m.cast(land, 'yes'));
    m.close();
    m.run({ type: 'closeSession' }, chair);
    expect(shown(m)).toMatchObject({ kind: 'closed', closedAt: expect.any(String) });
  });

  it('offline: the last known state is kept as stale under the offline state; before anything arrived there is none', () => {
    const m = demoMeeting().checkIn(FOURTEEN);
    m.openResolution('top-6');
    expect(label(shown(m, { connection: 'reconnecting' }))).toBe('offline (voteOpen TOP 6)');
    const empty = screenState({ state: demoMeeting().state, connection: 'reconnecting', loaded: false, itemCalledAt: null });
    expect(empty).toEqual({ kind: 'offline', connection: 'reconnecting', stale: null });
  });
});
