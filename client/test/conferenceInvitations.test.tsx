import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID, DMK_PROFILE, type MeResponse } from '@plenum/shared';
import { connectMeeting, disconnectMeeting, meetingStore, setSocketFactory } from '../src/store/index.ts';
import { chooseSession, currentMeetingOf, personStore, setMe } from '../src/store/person.ts';
import { SessionSwitcher } from '../src/views/common/SessionSwitcher.tsx';
import { RedeemedNotice } from '../src/views/common/RedeemedNotice.tsx';
import { InvitationsPanel } from '../src/views/office/InvitationsPanel.tsx';
import { FakeSocket } from './support/fakeSocket.ts';
import { demoMeeting, office, seed } from './support/meeting.ts';

const NEXT = 'dmk-2027-2';
const me = (extra: Partial<MeResponse> = {}): MeResponse => ({
  role: 'delegate', participantId: 'p-BE-member', meetingId: DEMO_MEETING_ID, label: 'Berlin — Mitglied', scope: 'conference', runsConferenceProcedures: false,
  sessions: [
    { id: DEMO_MEETING_ID, title: '1. Digitalministerkonferenz (DMK)', date: '2024-04-19', startTime: '10:00', place: 'Potsdam', status: 'closed' },
    { id: NEXT, title: '2. Digitalministerkonferenz (DMK)', date: '2027-02-12', startTime: '10:00', place: 'Kiel', status: 'planned' },
  ],
  ...extra,
});
afterEach(() => { vi.unstubAllGlobals(); setMe(null); sessionStorage.clear(); disconnectMeeting(); });

describe('a person\'s sessions (one conference invitation)', () => {
  it('the switcher lists the person\'s own sessions, starts where the link landed, and a choice is kept for the tab', async () => {
    setMe(me({ meetingId: NEXT }));
    render(<SessionSwitcher />);
    const select = screen.getByRole('combobox', { name: 'Sitzung' });
    expect(within(screen.getByRole('navigation', { name: 'Meine Sitzungen' })).getByRole('combobox')).toBe(select);
    expect((select as HTMLSelectElement).value).toBe(NEXT);
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual([
      '1. Digitalministerkonferenz (DMK), 19.04.2024 (beendet)', '2. Digitalministerkonferenz (DMK), 12.02.2027 (geplant)',
    ]);
    await userEvent.setup().selectOptions(select, DEMO_MEETING_ID);
    expect(currentMeetingOf(personStore.getState())).toBe(DEMO_MEETING_ID);
    // A reload of the tab keeps the choice; a session no longer the person's falls back to the landing one.
    setMe(me({ meetingId: NEXT }));
    expect(currentMeetingOf(personStore.getState())).toBe(DEMO_MEETING_ID);
    chooseSession('dmk-gone');
    setMe(me({ meetingId: NEXT }));
    expect(currentMeetingOf(personStore.getState())).toBe(NEXT);
  });

  it('no switcher for an invitation with one session', () => {
    setMe(me({ scope: 'meeting', sessions: me().sessions.slice(0, 1) }));
    render(<SessionSwitcher />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('switching to another session starts from an empty state: the join asks for a snapshot, not for the last session\'s seq', () => {
    const sockets: FakeSocket[] = [];
    setSocketFactory(() => { const s = new FakeSocket(); sockets.push(s); return s; });
    const m = demoMeeting();
    connectMeeting(DEMO_MEETING_ID);
    sockets[0].handlers['meeting:join'] = (_req, ack) => ack({ data: {
      meetingId: DEMO_MEETING_ID, role: 'delegate', participantId: 'p-BE-member', profile: DMK_PROFILE, serverTime: '2024-04-19T10:00:00.000Z',
      catchUp: { kind: 'events', events: m.envelopes },
    } });
    sockets[0].serverConnect();
    expect(meetingStore.getState().seq).toBe(m.envelopes.length);
    connectMeeting(NEXT);
    sockets[1].serverConnect();
    const join = sockets[1].emitted.find((e) => e.event === 'meeting:join')!;
    expect(join.payload).toMatchObject({ meetingId: NEXT });
    expect(join.payload.lastSeq ?? 0).toBe(0);
    expect(meetingStore.getState().state.agenda).toEqual([]);
  });
});

describe('F10: a redemption elsewhere is shown to the holder', () => {
  it('invitation:redeemed → an alert with the time that stays until dismissed', async () => {
    const socket = new FakeSocket();
    setSocketFactory(() => socket);
    connectMeeting(DEMO_MEETING_ID);
    socket.serverConnect();
    render(<RedeemedNotice />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => socket.fire('invitation:redeemed', { at: '2026-12-01T20:31:00.000Z' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Ihr Einladungslink wurde soeben in einem anderen Browser geöffnet');
    expect(alert).toHaveTextContent('21:31');
    expect(alert).toHaveTextContent('Geschäftsstelle');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Verstanden' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the conference\'s office: personal invitations', () => {
  it('lists redemptions (F10), shows a link again with its QR code, reissues one after asking, creates per person for the conference', async () => {
    const rows = [
      { id: 'inv-be', role: 'delegate', participantId: 'p-BE-member', label: 'Berlin — Mitglied', createdAt: '2026-12-01T09:00:00.000Z', revokedAt: null, scope: 'conference', redemptions: 3, firstRedeemedAt: '2026-12-01T09:05:00.000Z', lastRedeemedAt: '2026-12-01T19:40:00.000Z' },
      { id: 'inv-by', role: 'delegate', participantId: 'p-BY-member', label: 'Bayern — Mitglied', createdAt: '2026-12-01T09:00:00.000Z', revokedAt: null, scope: 'conference', redemptions: 0, firstRedeemedAt: null, lastRedeemedAt: null },
    ];
    const calls: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : null });
      if (url.endsWith('/link')) return new Response(JSON.stringify({ id: 'inv-be', url: '/i/the-same-secret' }), { status: 200 });
      if (url.endsWith('/reissue')) return new Response(JSON.stringify({ id: 'inv-be2', url: '/i/a-new-secret', token: 'a-new-secret', replaces: 'inv-be' }), { status: 201 });
      if (method === 'POST') return new Response(JSON.stringify({ error: { code: 'invitation.exists', details: { id: 'inv-bb' } } }), { status: 409 });
      return new Response(JSON.stringify(rows), { status: 200 });
    }));
    seed(demoMeeting(), office);
    setMe(me({ role: 'office', participantId: 'p-office', label: 'Geschäftsstelle' }));
    render(<InvitationsPanel />);
    const user = userEvent.setup();
    expect(await screen.findByTestId('redeemed-inv-be')).toHaveTextContent('3-mal, zuerst 01.12.2026, 10:05 Uhr MEZ, zuletzt 01.12.2026, 20:40 Uhr MEZ');
    expect(screen.getByTestId('redeemed-inv-by')).toHaveTextContent('noch nie');
    expect(calls[0].url).toBe('/api/conference/invitations');

    await user.click(screen.getByRole('button', { name: 'Link anzeigen: Berlin — Mitglied' }));
    const card = await screen.findByTestId('invitation-card');
    expect(card).toHaveTextContent(`${window.location.origin}/i/the-same-secret`);
    expect(card).toHaveTextContent('erneut angezeigt');
    expect(await within(card).findByTestId('invitation-qr')).toHaveAccessibleName('QR-Code des Einladungslinks für Berlin — Mitglied');

    await user.click(screen.getByRole('button', { name: 'Neu ausstellen: Berlin — Mitglied' }));
    expect(calls.some((c) => c.url.endsWith('/reissue'))).toBe(false);
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Der bisherige Link wird ungültig');
    await user.click(within(dialog).getByRole('button', { name: 'Neu ausstellen' }));
    expect(calls.find((c) => c.url.endsWith('/reissue'))).toMatchObject({ method: 'POST', url: '/api/conference/invitations/inv-be/reissue' });
    const cards = await screen.findAllByTestId('invitation-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toHaveTextContent('/i/a-new-secret');
    expect(cards[0]).toHaveTextContent('neu ausgestellt');

    await user.selectOptions(screen.getByLabelText('Person'), 'p-BB-member');
    await user.click(screen.getByRole('button', { name: 'Einladungslink erzeugen' }));
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/conference/invitations')?.body).toMatchObject({ role: 'delegate', participantId: 'p-BB-member' });
    expect(await screen.findByText(/hat schon eine persönliche Einladung/)).toBeInTheDocument();
  });
});
