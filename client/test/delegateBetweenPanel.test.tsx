import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Participant } from '@plenum/shared';
import DelegateBetweenPanel from '../src/views/delegate/DelegateBetweenPanel.tsx';
import { demoMeeting, memberOf, seed } from './support/meeting.ts';
import { fill } from './support/fill.ts';

afterEach(() => vi.unstubAllGlobals());

const future = new Date(Date.now() + 5 * 86_400_000).toISOString();
const past = new Date(Date.now() - 86_400_000).toISOString();
const circular = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  state: {
    procedureId: id, status: 'running', title: 'Eilbeschluss Cybersicherheit', text: 'Die DMK unterstützt die gemeinsame Übung.',
    paragraphs: [], proposingLand: 'HE', chairLands: ['HH'], holidayLands: ['HH'], roster: [], agreementsNeeded: 11,
    startedAt: past, deadline: future, answers: {}, declarations: [], objection: null, goesToSession: false, closedAt: null,
    explanation: null, communicatedAt: null, recipients: [], publishedAt: null, ...extra,
  },
});
const request = (lands: string[]) => ({
  id: 'xreq-1', state: { requestId: 'xreq-1', status: 'collecting', reason: 'Cyberangriff auf Landesnetze', needed: 11,
    lands: Object.fromEntries(lands.map((l) => [l, { at: past, participantId: `p-${l}-member` }])), reachedAt: null },
});
const protocolSent = {
  seq: 1, state: { meetingId: null, status: 'sent', sessionDay: '2024-04-19', draftDue: future, sentAt: past, sentLate: false,
    objectionsEnd: future, objections: [], approvedAt: null, approvedAutomatically: false, publishedAt: null },
};
const me = (kind: Participant['kind']) => ({ id: `p-BY-${kind}`, name: 'Bayern', kind, land: 'BY' }) as unknown as Participant;

/** A fake API that answers GETs from `lists` and records POSTs (url, body, idempotency key). */
function api(lists: Record<string, unknown>, answer: (url: string, body: { command: { type: string } }) => unknown = () => ({ data: { state: {} } })) {
  const posts: { url: string; body: { command: Record<string, unknown> }; key: string | null }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body));
      posts.push({ url, body, key: new Headers(init.headers).get('idempotency-key') });
      const res = answer(url, body) as { error?: unknown };
      return new Response(JSON.stringify(res), { status: res.error ? 409 : 200, headers: { 'content-type': 'application/json' } });
    }
    const key = Object.keys(lists).find((k) => url.startsWith(k));
    return new Response(JSON.stringify(key ? lists[key] : null), { status: key ? 200 : 404, headers: { 'content-type': 'application/json' } });
  }));
  return posts;
}

describe('delegate: between sessions', () => {
  it('R-CIR-3: a member answers a running circular with a protocol declaration; the result is announced in a live region; nothing loads before opening', async () => {
    const posts = api({ '/api/between/circular': [circular('circ-1')], '/api/between/extraordinary': [] });
    render(<DelegateBetweenPanel me={me('member')} />);
    expect(vi.mocked(fetch)).not.toHaveBeenCalled();
    const user = userEvent.setup();
    await user.click(screen.getByText('Umlaufverfahren, Protokollentwurf und Sitzungsverlangen anzeigen'));
    const item = await screen.findByTestId('circular-circ-1');
    expect(within(item).getByText('Bayern hat noch nicht geantwortet.')).toBeInTheDocument();
    const group = within(item).getByRole('group', { name: 'Antwort für Bayern in Textform' });
    await user.click(within(group).getByRole('radio', { name: 'Enthaltung' }));
    await fill(user, within(group).getByLabelText('Protokollerklärung (optional, R-CIR-3)'), 'Bayern prüft die Kosten.');
    await user.click(within(group).getByRole('button', { name: 'Antwort senden' }));
    expect(posts[0]).toMatchObject({ url: '/api/between/circular/circ-1', body: { command: { type: 'answerCircular', choice: 'abstain', declaration: 'Bayern prüft die Kosten.' } } });
    expect(posts[0].key).toMatch(/^[A-Za-z0-9_-]{8,80}$/);
    expect(await screen.findByRole('status')).toHaveTextContent('Antwort für Bayern gespeichert: Enthaltung.');
  });

  it('R-CIR-1: a member objects within the period; a refusal from the server is shown as an alert with its German text', async () => {
    const posts = api({ '/api/between/circular': [circular('circ-2')], '/api/between/extraordinary': [] },
      () => ({ error: { code: 'circular.periodEnded', rule: 'R-CIR-1' } }));
    render(<DelegateBetweenPanel me={me('permanentDeputy')} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Umlaufverfahren, Protokollentwurf und Sitzungsverlangen anzeigen'));
    const group = await screen.findByRole('group', { name: 'Widerspruch gegen das Umlaufverfahren (R-CIR-1)' });
    await fill(user, within(group).getByLabelText('Begründung (optional)'), 'Erst in der Sitzung beraten.');
    await user.click(within(group).getByRole('button', { name: 'Widerspruch einlegen' }));
    expect(posts[0].body.command).toEqual({ type: 'objectToCircular', reason: 'Erst in der Sitzung beraten.' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Widerspruchsfrist ist abgelaufen.');
  });

  it('R-CIR-1: after the deadline there is no answer form; a temporary deputy sees why they cannot act and gets no forms', async () => {
    api({ '/api/between/circular': [circular('circ-3', { deadline: past })], '/api/between/extraordinary': [request(['BE'])] });
    render(<DelegateBetweenPanel me={me('temporaryDeputy')} />);
    await userEvent.setup().click(screen.getByText('Umlaufverfahren, Protokollentwurf und Sitzungsverlangen anzeigen'));
    expect(await screen.findByTestId('temporary-deputy-notice')).toHaveTextContent('nur Mitglieder und ständige Stellvertretungen (R-CIR-1)');
    expect(screen.getByText('Die Widerspruchsfrist ist abgelaufen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Antwort senden' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Dem Verlangen anschließen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Neues Verlangen stellen' })).not.toBeInTheDocument();
  });

  it('R-PRT-2: within the objection period a member sees the draft and raises an objection', async () => {
    const posts = api({ '/api/between/circular': [], '/api/between/protocol/': protocolSent, '/api/between/extraordinary': [] });
    seed(demoMeeting(), memberOf('BY'));
    render(<DelegateBetweenPanel me={me('member')} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Umlaufverfahren, Protokollentwurf und Sitzungsverlangen anzeigen'));
    expect(await screen.findByRole('link', { name: 'Entwurf lesen (PDF)' })).toHaveAttribute('href', '/api/meetings/dmk-2024-1/protocol.pdf?lang=de');
    const group = screen.getByRole('group', { name: 'Einwendung gegen den Protokollentwurf' });
    await fill(user, within(group).getByLabelText('Ihre Einwendung'), 'TOP 5: Bayern hat mit Nein gestimmt.');
    await user.click(within(group).getByRole('button', { name: 'Einwendung einreichen' }));
    expect(posts[0]).toMatchObject({ url: '/api/between/protocol/dmk-2024-1', body: { command: { type: 'objectToProtocol', text: 'TOP 5: Bayern hat mit Nein gestimmt.' } } });
    expect(await screen.findByRole('status')).toHaveTextContent('Einwendung eingereicht.');
  });

  it('R-SES-1: shows how many Länder joined of 11 and lets a member join', async () => {
    const posts = api({ '/api/between/circular': [], '/api/between/extraordinary': [request(['BE', 'HH', 'HE'])] });
    render(<DelegateBetweenPanel me={me('member')} />);
    const user = userEvent.setup();
    await user.click(screen.getByText('Umlaufverfahren, Protokollentwurf und Sitzungsverlangen anzeigen'));
    const item = await screen.findByTestId('request-xreq-1');
    expect(within(item).getByText('3 von 11 Ländern haben sich angeschlossen')).toBeInTheDocument();
    expect(within(item).getByRole('progressbar')).toHaveAttribute('value', '3');
    await user.click(within(item).getByRole('button', { name: 'Dem Verlangen anschließen (Bayern)' }));
    expect(posts[0]).toMatchObject({ url: '/api/between/extraordinary/xreq-1', body: { command: { type: 'joinExtraordinaryRequest' } } });
    expect(await screen.findByRole('status')).toHaveTextContent('Bayern hat sich angeschlossen.');
  });
});
