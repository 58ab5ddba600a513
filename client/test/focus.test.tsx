import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEMO_MEETING_ID } from '@plenum/shared';
import { App } from '../src/App.tsx';
import { navigate } from '../src/router.ts';
import { meetingStore } from '../src/store/index.ts';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { chair, demoMeeting, memberOf, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

afterEach(() => {
  act(() => navigate('/', { replace: true }));
});

const h1 = () => screen.getByRole('heading', { level: 1 });

describe('focus after a route change or view load (WCAG 2.4.3, 4.1.3)', () => {
  it('a route change moves focus to the new main heading, sets the document title and announces it', async () => {
    act(() => navigate('/invalid-link'));
    render(<App />);
    expect(h1()).toHaveFocus();
    expect(h1()).toHaveAttribute('tabindex', '-1');
    expect(document.title).toBe('Link ungültig – Plenum');

    act(() => navigate('/nowhere'));
    expect(h1()).not.toHaveTextContent('Link ungültig');
    expect(h1()).toHaveFocus();
    expect(document.title).toBe(`${h1().textContent} – Plenum`);
    await waitFor(() => expect(screen.getByTestId('announce-polite')).toHaveTextContent(h1().textContent!));
  });

  it('a lazily loaded view (public viewer) gets focus on its heading once it is there', async () => {
    const m = demoMeeting();
    m.run({ type: 'setCurrentItem', itemId: 'top-5' }, chair);
    // As if the session had decided to be public (R-SES-4); the fake server does not check it.
    m.state = { ...m.state, session: { ...m.state.session!, public: true } };
    act(() => navigate(`/public/${DEMO_MEETING_ID}`));
    const served = serve(m, { role: 'public', participantId: null });
    render(<App />);
    act(() => served.socket.serverConnect());
    await waitFor(() => expect(h1()).toHaveTextContent('1. Digitalministerkonferenz (DMK)'));
    await waitFor(() => expect(h1()).toHaveFocus());
    // Title, then the view, then the product: tabs and history entries say which view they are.
    expect(document.title).toBe('1. Digitalministerkonferenz (DMK) – Öffentliche Übertragung – Plenum');
  });

  it('the skip link is the first stop for the keyboard and moves focus to the main content', async () => {
    seed(demoMeeting(), memberOf('BE'));
    render(<DelegateView />);
    const user = userEvent.setup();
    (document.activeElement as HTMLElement | null)?.blur();
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(window.location.hash).toBe('');
  });

  it('an update of the data does not take focus from where the user is', async () => {
    const m = demoMeeting();
    seed(m, memberOf('BE'));
    render(<DelegateView />);
    const checkIn = screen.getByTestId('check-in-room');
    act(() => checkIn.focus());
    m.checkIn(['BY']);
    act(() => meetingStore.setState({ state: m.state, seq: m.seq }));
    expect(checkIn).toHaveFocus();
    // The heading follows the language, and so does the document title.
    await userEvent.setup().click(screen.getByTestId('lang-switch'));
    // The subtitle is its own part of the title ("Berlin – Mitglied Berlin · Member …"), never glued to the Land.
    expect(document.title).toBe("Berlin – Mitglied Berlin · Member – Delegation – Plenum");
    expect(h1()).toHaveTextContent("Mitglied Berlin");
  });
});
