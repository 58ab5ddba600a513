import { useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Announcer } from './announcer.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { usePageFocus } from './pageFocus.ts';
import { StatusBar } from './StatusBar.tsx';
import { SessionSwitcher } from './SessionSwitcher.tsx';
import { RedeemedNotice } from './RedeemedNotice.tsx';
import { SessionChangeNotice } from './SessionChangeNotice.tsx';

/** Page frame: skip link, header with status and language, the main landmark, live regions. */
export function Layout({ role, children, showStatus = true, className }: { role: string; children: ReactNode; showStatus?: boolean; className?: string }) {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  usePageFocus(mainRef, role);
  // The skip link moves focus itself: the router owns the URL, so no #main is left in it.
  const skip = (e: MouseEvent) => {
    e.preventDefault();
    mainRef.current?.focus();
  };
  return (
    <div className={`app ${className ?? ''}`}>
      <a className="skip-link" href="#main" onClick={skip}>{t('common.skipToContent')}</a>
      <header className="app-header">
        <span className="brand">Plenum</span>
        <span className="role-label">{role}</span>
        {showStatus && <StatusBar />}
        <LangSwitch />
      </header>
      <SessionSwitcher />
      <RedeemedNotice />
      <main id="main" tabIndex={-1} ref={mainRef}><SessionChangeNotice />{children}</main>
      <Announcer />
    </div>
  );
}
