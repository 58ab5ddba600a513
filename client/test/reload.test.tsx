import { describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID, headFingerprint, type Command } from '@plenum/shared';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { connectMeeting, disconnectMeeting, meetingStore, receiptKey, seedMeetingStore, send, setSocketFactory } from '../src/store/index.ts';
import { loadPersisted } from '../src/store/persist.ts';
import { FakeSocket } from './support/fakeSocket.ts';
import { ALL_LANDS, chair, demoMeeting, memberOf, office, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

/** What a reload does to the page: React, the store and the socket are gone; sessionStorage stays. */
function reloadPage() {
  cleanup();
  disconnectMeeting();
  seedMeetingStore({});
}

/** A confidential item the office prepares; the chair may add agenda items too. */
const addItem: Command = {
  type: 'addAgendaItem', shortNotice: true,
  item: { number: 'TOP 11', title: 'Vertraulich: Personalie', kind: 'report', rapporteurs: ['BE'], paragraphs: [], bundesrat: false, itPlr: 'none', standing: 'none', barredFromPublication: true },
};

describe('reload safety (sessionStorage per meeting)', () => {
  it('R-MEM-2: a reload mid-vote resends the same key once; the server answers with its first answer and the receipt is shown', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    const voteId = m.openResolution();
    seed(m, memberOf('BE'));
    const answers = new Map<string, unknown>();
    const first = serve(m, memberOf('BE'), { answers });
    first.control.loseAcks = true;
    render(<DelegateView />);
    await userEvent.setup().click(within(screen.getByTestId('ballot-BE')).getByTestId('vote-yes'));
    // Applied by the server, but the ack was lost: the vote waits in the queue, kept in sessionStorage.
    expect(screen.getByTestId('pending-count')).toBeInTheDocument();
    const key = first.commands[0].key;
    expect(loadPersisted(DEMO_MEETING_ID)?.pending.map((p) => p.key)).toEqual([key]);
    const seqOfVote = m.seq;

    reloadPage();
    expect(meetingStore.getState().pending).toEqual([]);
    const second = serve(m, memberOf('BE'), { answers });
    render(<DelegateView />);

    // The same key went out again and the server did not apply it twice.
    expect(second.commands.map((c) => c.key)).toEqual([key]);
    expect(second.commands[0].command).toEqual({ type: 'castVote', voteId, land: 'BE', choice: 'yes' });
    expect(m.seq).toBe(seqOfVote);
    const receipt = await screen.findByTestId('vote-receipt-BE');
    expect(receipt).toHaveTextContent(`Nr. ${seqOfVote}`);
    expect(receipt).toHaveTextContent(headFingerprint(m.envelopes[seqOfVote - 1].hash));
    expect(screen.queryByTestId('pending-count')).not.toBeInTheDocument();
    expect(loadPersisted(DEMO_MEETING_ID)?.pending).toEqual([]);
  });

  it('R-MEM-2: receipts survive a reload (the join snapshot carries no envelopes to rebuild them from)', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    const voteId = m.openResolution();
    seed(m, memberOf('BE'));
    serve(m, memberOf('BE'));
    render(<DelegateView />);
    await userEvent.setup().click(within(screen.getByTestId('ballot-BE')).getByTestId('vote-no'));
    expect(await screen.findByTestId('vote-receipt-BE')).toHaveTextContent(`Nr. ${m.seq}`);

    reloadPage();
    const again = serve(m, memberOf('BE'));
    render(<DelegateView />);
    expect(again.commands).toEqual([]);
    expect(meetingStore.getState().receipts[receiptKey(voteId, 'BE')]?.choice).toBe('no');
    expect(screen.getByTestId('vote-receipt-BE')).toHaveTextContent(`Nr. ${m.seq}`);
  });

  it('another person signing in in the same tab gets neither the queue nor the receipts', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    m.openResolution();
    seed(m, memberOf('BE'));
    const answers = new Map<string, unknown>();
    const first = serve(m, memberOf('BE'), { answers });
    first.control.loseAcks = true;
    render(<DelegateView />);
    await userEvent.setup().click(within(screen.getByTestId('ballot-BE')).getByTestId('vote-yes'));
    expect(loadPersisted(DEMO_MEETING_ID)?.pending).toHaveLength(1);

    reloadPage();
    const other = serve(m, memberOf('BB'), { answers });
    await act(async () => { render(<DelegateView />); });
    expect(other.commands).toEqual([]);
    expect(meetingStore.getState().pending).toEqual([]);
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
  });

  it('office and chair share a tab: the office\'s queue (no participant) is not sent under the chair\'s identity after a reload, it is dropped', async () => {
    const m = demoMeeting();
    const first = serve(m, office);
    first.socket.serverDrop();
    void send(addItem);
    expect(loadPersisted(DEMO_MEETING_ID)?.identity).toEqual({ role: 'office', participantId: null });
    expect(loadPersisted(DEMO_MEETING_ID)?.pending.map((p) => p.command.type)).toEqual(['addAgendaItem']);

    // The chair's /i/ link opened in the same tab: a new page, same sessionStorage, another person.
    reloadPage();
    const chairPage = serve(m, chair);
    expect(chairPage.commands).toEqual([]);
    expect(meetingStore.getState().pending).toEqual([]);
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
    expect(m.state.agenda.some((item) => item.title === 'Vertraulich: Personalie')).toBe(false);
  });

  it('a queue made before any join in this tab is kept in memory only, never persisted for a later page', () => {
    const socket = new FakeSocket();
    setSocketFactory(() => socket);
    connectMeeting(DEMO_MEETING_ID);
    void send(addItem);
    expect(meetingStore.getState().pending).toHaveLength(1);
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();

    reloadPage();
    const chairPage = serve(demoMeeting(), chair);
    expect(chairPage.commands).toEqual([]);
    expect(meetingStore.getState().pending).toEqual([]);
  });

  it.each(['auth.required', 'auth.revoked'] as const)('a join refused with %s clears the stored queue and receipts of the meeting', (code) => {
    const m = demoMeeting();
    const first = serve(m, office);
    first.socket.serverDrop();
    void send(addItem);
    expect(loadPersisted(DEMO_MEETING_ID)?.pending).toHaveLength(1);

    reloadPage();
    const socket = new FakeSocket();
    socket.handlers['meeting:join'] = (_req, ack) => ack({ error: { code } });
    setSocketFactory(() => socket);
    connectMeeting(DEMO_MEETING_ID);
    socket.serverConnect();
    expect(meetingStore.getState().joinError).toEqual({ code });
    expect(meetingStore.getState().pending).toEqual([]);
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
  });

  it('session:revoked forgets the queue: the waiting command hears auth.revoked and nothing stays in sessionStorage', async () => {
    const m = demoMeeting();
    const first = serve(m, office);
    first.socket.serverDrop();
    const answer = send(addItem);
    expect(loadPersisted(DEMO_MEETING_ID)?.pending).toHaveLength(1);
    first.socket.fire('session:revoked', { code: 'auth.revoked' });
    await expect(answer).resolves.toEqual({ error: { code: 'auth.revoked' } });
    expect(meetingStore.getState().pending).toEqual([]);
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
  });

  it('a broken entry in sessionStorage is ignored, not trusted', () => {
    sessionStorage.setItem(`plenum.meeting.${DEMO_MEETING_ID}`, '{"pending":[{"nokey":1}],"receipts":{}}');
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
    sessionStorage.setItem(`plenum.meeting.${DEMO_MEETING_ID}`, 'not json');
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
    // The older format carried only a participantId (null for office and screen): identity unknown.
    sessionStorage.setItem(`plenum.meeting.${DEMO_MEETING_ID}`, '{"participantId":null,"pending":[{"key":"k1234567","command":{"type":"openSession"},"createdAt":"x"}],"receipts":{}}');
    expect(loadPersisted(DEMO_MEETING_ID)).toBeNull();
  });
});
