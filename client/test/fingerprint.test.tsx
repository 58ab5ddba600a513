import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID, headFingerprint, RECEIPTS_SCHEMA, type ReceiptsFile } from '@plenum/shared';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import ScreenView from '../src/views/screen/ScreenView.tsx';
import { meetingStore, receiptKey } from '../src/store/index.ts';
import { ALL_LANDS, chair, demoMeeting, hashOf, memberOf, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

const screenRole = { role: 'screen' as const, participantId: null };

describe('F4: the head fingerprint ("Prüfsumme des Protokolls") where participants see it', () => {
  it('the room screen shows the current head\'s fingerprint and seq, small, and follows new events', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    seed(m, screenRole);
    const server = serve(m, screenRole);
    render(<ScreenView />);
    const shown = await screen.findByTestId('head-fingerprint');
    expect(shown).toHaveTextContent(`Prüfsumme des Protokolls: ${headFingerprint(hashOf(m.seq))} · Stand Nr. ${m.seq}`);
    // A new event moves the head: the fingerprint follows.
    const events = m.run({ type: 'setCurrentItem', itemId: 'top-6' }, chair);
    act(() => { server.socket.fire('meeting:events', { meetingId: DEMO_MEETING_ID, events, serverTime: new Date().toISOString() }); });
    expect(screen.getByTestId('head-fingerprint')).toHaveTextContent(`Prüfsumme des Protokolls: ${headFingerprint(hashOf(m.seq))} · Stand Nr. ${m.seq}`);
  });

  it('a receipt shows the fingerprint of its row and keeps the key of the command; the receipts download as plenum.receipts/1', async () => {
    const m = demoMeeting().checkIn(ALL_LANDS.slice(0, 14));
    const voteId = m.openResolution();
    seed(m, memberOf('BE'));
    const server = serve(m, memberOf('BE'));
    render(<DelegateView />);
    await userEvent.setup().click(within(screen.getByTestId('ballot-BE')).getByTestId('vote-yes'));
    const receipt = await screen.findByTestId('vote-receipt-BE');
    expect(receipt).toHaveTextContent(`Quittung Nr. ${m.seq} · Prüfsumme ${headFingerprint(hashOf(m.seq))}`);
    const key = server.commands[0]!.key;
    expect(meetingStore.getState().receipts[receiptKey(voteId, 'BE')]).toMatchObject({ key, seq: m.seq, hash: hashOf(m.seq) });

    // After the close, the receipts can be saved as a file (jsdom has no object URLs: catch the Blob).
    m.close();
    act(() => { meetingStore.setState({ state: m.state, seq: m.seq }); });
    let saved: Blob | null = null;
    const createObjectURL = vi.fn((b: Blob) => { saved = b; return 'blob:receipts'; });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.setup().click(await screen.findByTestId('receipts-download'));
    expect(click).toHaveBeenCalledOnce();
    const file = JSON.parse(await saved!.text()) as ReceiptsFile;
    expect(file).toMatchObject({ schema: RECEIPTS_SCHEMA, meetingId: DEMO_MEETING_ID, participantId: memberOf('BE').participantId });
    expect(file.receipts).toEqual([expect.objectContaining({ key, voteId, land: 'BE', choice: 'yes', seq: expect.any(Number), fingerprint: headFingerprint(file.receipts[0]!.hash) })]);
    click.mockRestore();
  });
});
