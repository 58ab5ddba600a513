import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { DEMO_MEETING_ID, type MeResponse } from '@plenum/shared';
import OfficeView from '../src/views/office/OfficeView.tsx';
import { setMe } from '../src/store/person.ts';
import { demoMeeting, office, seed } from './support/meeting.ts';

afterEach(() => { vi.unstubAllGlobals(); setMe(null); });

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const HOME = { timeZone: 'Europe/Berlin', archive: [], deviations: [], reachedRequests: [], sessions: [] };

function officeView(runsConferenceProcedures: boolean, scope: 'meeting' | 'conference') {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => json(url === '/api/conference' ? HOME : url === '/api/conference/office-link' ? { exists: true } : [])));
  setMe({ role: 'office', participantId: null, scope, meetingId: DEMO_MEETING_ID, sessions: [], runsConferenceProcedures } as unknown as MeResponse);
  seed(demoMeeting(), office);
  render(<OfficeView />);
}

describe('F6: the conference home\'s forms only for the office that keeps the conference\'s records', () => {
  it('F6 / R-CHR-3: the conference\'s office creates sessions and records chair deviations there', async () => {
    officeView(true, 'conference');
    expect(await screen.findByTestId('conference-create')).toBeInTheDocument();
    expect(screen.getByTestId('chair-deviation-form')).toBeInTheDocument();
  });

  it('F6: the office of one meeting sees the sessions and the chair table, not the forms the server would refuse', async () => {
    officeView(false, 'meeting');
    expect(await screen.findByTestId('chair-table')).toBeInTheDocument();
    expect(screen.queryByTestId('conference-create')).toBeNull();
    expect(screen.queryByTestId('chair-deviation-form')).toBeNull();
  });
});
