import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID, type MeResponse } from '@plenum/shared';
import { ConferenceOfficeLink } from '../src/views/office/ConferenceOfficeLink.tsx';
import { setMe } from '../src/store/person.ts';

afterEach(() => { vi.unstubAllGlobals(); setMe(null); });

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const office = (scope: 'meeting' | 'conference'): MeResponse => ({ role: 'office', participantId: null, scope, meetingId: DEMO_MEETING_ID, sessions: [] } as unknown as MeResponse);

describe('F6: a data folder from before conference invitations: its office gets the link to the conference-wide office', () => {
  it('a meeting\'s office, while no conference-wide office link exists, creates it once and sees the link and its QR code', async () => {
    const posts: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      if (url !== '/api/conference/office-link') return json(null, 404);
      if (init?.method === 'POST') { posts.push(url); return json({ id: 'inv-c', url: 'http://localhost/i/secret', token: 'secret' }, 201); }
      return json({ exists: false });
    }));
    setMe(office('meeting'));
    render(<ConferenceOfficeLink />);
    expect(await screen.findByRole('heading', { name: 'Zugang der Geschäftsstelle für die ganze Konferenz' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Konferenzweiten Zugang erstellen' }));
    expect(await screen.findByTestId('conference-office-link-url')).toHaveAttribute('href', 'http://localhost/i/secret');
    expect(await screen.findByTestId('conference-office-link-qr')).toHaveAttribute('alt', 'QR-Code des konferenzweiten Zugangs der Geschäftsstelle');
    expect(posts).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Konferenzweiten Zugang erstellen' })).toBeNull();
  });

  it('nothing is shown once such a link exists, nor to the conference\'s own office (which is not even asked)', async () => {
    const fetch = vi.fn(async () => json({ exists: true }));
    vi.stubGlobal('fetch', fetch);
    setMe(office('meeting'));
    const { unmount } = render(<ConferenceOfficeLink />);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('conference-office-link')).toBeNull();
    unmount();
    fetch.mockClear();
    setMe(office('conference'));
    render(<ConferenceOfficeLink />);
    expect(screen.queryByTestId('conference-office-link')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
