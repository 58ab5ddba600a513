import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { VIOLATION_CODES } from '@plenum/shared';
import { de } from '../src/i18n/de.ts';
import { en } from '../src/i18n/en.ts';
import ChairConsole from '../src/views/chair/ChairConsole.tsx';
import DelegateView from '../src/views/delegate/DelegateView.tsx';
import { chair, demoMeeting, memberOf, seed } from './support/meeting.ts';
import { serve } from './support/server.ts';

function leafKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafKeys(v as Record<string, unknown>, `${prefix}${k}.`)));
}

describe('i18n', () => {
  it('every violation code has a German and an English text', () => {
    for (const code of VIOLATION_CODES) {
      expect(de.violation[code], `de ${code}`).toMatch(/\S/);
      expect(en.violation[code], `en ${code}`).toMatch(/\S/);
      expect(i18next.exists(`violation.${code}`, { lng: 'de' }), `de resource ${code}`).toBe(true);
      expect(i18next.exists(`violation.${code}`, { lng: 'en' }), `en resource ${code}`).toBe(true);
      expect(i18next.t(`violation.${code}`, { lng: 'en' })).not.toBe(i18next.t(`violation.${code}`, { lng: 'de' }));
    }
  });

  it('German and English have exactly the same keys', () => {
    const { violation: _dv, ...deRest } = de;
    const { violation: _ev, ...enRest } = en;
    expect(leafKeys(enRest).sort()).toEqual(leafKeys(deRest).sort());
  });

  it('R-VOT-3: a refusal is shown by its translated code, in German and then in English', async () => {
    const m = demoMeeting().checkIn(['BE', 'BB']);
    m.run({ type: 'setCurrentItem', itemId: 'top-5' }, chair);
    seed(m, chair);
    serve(m, chair);
    render(<ChairConsole />);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('open-vote'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'quorum.notReached');
    expect(alert).toHaveTextContent(/^Nicht beschlussfähig: Es sind nicht genug Länder anwesend\.$/);
    expect(alert).toHaveAttribute('data-rule', 'R-VOT-3');
    await user.click(screen.getByTestId('lang-switch'));
    expect(screen.getByRole('alert')).toHaveTextContent(/^No quorum: not enough Länder are present\.$/);
  });

  it('an error code from the server that the client does not know is still shown, with the code', async () => {
    const m = demoMeeting();
    seed(m, memberOf('BE'));
    const { control } = serve(m, memberOf('BE'));
    control.refuse = { code: 'something.new' as never };
    render(<DelegateView />);
    await userEvent.setup().click(screen.getByTestId('check-in-room'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Unbekannter Fehler (something.new).');
  });

  it('the language switch changes the UI, <html lang> and is remembered', async () => {
    seed(demoMeeting(), memberOf('BY'));
    render(<DelegateView />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bayern');
    expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    await userEvent.setup().click(screen.getByTestId('lang-switch'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Bavaria');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    expect(screen.getByTestId('check-in-room')).toHaveTextContent('In the room');
    expect(screen.getByTestId('lang-switch')).toHaveTextContent('Deutsch');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('plenum.lang')).toBe('en');
    await act(async () => { await i18next.changeLanguage('de'); });
  });
});
