import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Announcer } from './announcer.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { StatusBar } from './StatusBar.tsx';

/** Page frame: skip link, header with status and language, the main landmark, live regions. */
export function Layout({ role, children, showStatus = true, className }: { role: string; children: ReactNode; showStatus?: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`app ${className ?? ''}`}>
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="app-header">
        <span className="brand">Plenum</span>
        <span className="role-label">{role}</span>
        {showStatus && <StatusBar />}
        <LangSwitch />
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <Announcer />
    </div>
  );
}
