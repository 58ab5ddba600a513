import type { Invitation } from '../store/invitation-store.ts';
import { escapeHtml, PAGE_STYLE } from './page-style.ts';

export type PageLang = 'de' | 'en';

const TEXT = {
  de: {
    title: 'Einladung – Plenum',
    heading: 'Persönliche Einladung zur Digitalministerkonferenz',
    invitedAs: 'Dieser Link meldet Sie in Plenum an als',
    roles: { office: 'Geschäftsstelle', chair: 'Vorsitz', delegate: 'Delegation', screen: 'Saalbildschirm' } as Record<string, string>,
    signIn: 'Anmelden',
    already: (label: string) => `Sie sind bereits als ${label} angemeldet. Wechseln?`,
    switchTo: (label: string) => `Ja, wechseln zu: ${label}`,
    stay: (label: string) => `Nein, als ${label} angemeldet bleiben`,
    same: 'Sie sind mit dieser Einladung bereits angemeldet.',
    proceed: 'Weiter zu Plenum',
    personal: 'Der Link ist persönlich: Geben Sie ihn nicht weiter. Die Geschäftsstelle sieht, wann er eingelöst wurde.',
    otherLang: { href: '?lang=en', lang: 'en', text: 'English' },
  },
  en: {
    title: 'Invitation – Plenum',
    heading: 'Personal invitation to the Digital Ministers’ Conference',
    invitedAs: 'This link signs you in to Plenum as',
    roles: { office: 'Secretariat', chair: 'Chair', delegate: 'Delegation', screen: 'Room screen' } as Record<string, string>,
    signIn: 'Sign in',
    already: (label: string) => `You are already signed in as ${label}. Switch?`,
    switchTo: (label: string) => `Yes, switch to: ${label}`,
    stay: (label: string) => `No, stay signed in as ${label}`,
    same: 'You are already signed in with this invitation.',
    proceed: 'Continue to Plenum',
    personal: 'This link is personal: do not pass it on. The secretariat sees when it was redeemed.',
    otherLang: { href: '?lang=de', lang: 'de', text: 'Deutsch' },
  },
} as const;

const esc = escapeHtml;

/**
 * The confirmation page of an invitation link (GET /i/:token). Nothing happens until its button
 * POSTs back to the same URL; when the browser already holds another session, the page asks
 * before replacing it. Plain HTML without script: works in every browser, with a keyboard and a
 * screen reader (one heading, a main landmark, the question as an alert).
 */
export function redeemPage(invitation: Invitation, current: Invitation | null, lang: PageLang): string {
  const L = TEXT[lang];
  const label = esc(invitation.label);
  const who = `<p>${L.invitedAs} <strong>${label}</strong> (${esc(L.roles[invitation.role] ?? invitation.role)}).</p>`;
  let body: string;
  if (current && current.id === invitation.id) {
    body = `${who}<p role="status">${L.same}</p><p><a href="/">${L.proceed}</a></p>`;
  } else if (current) {
    body = `${who}<p role="alert">${esc(L.already(current.label))}</p>
<form method="post"><input type="hidden" name="switch" value="1"><button type="submit">${esc(L.switchTo(invitation.label))}</button></form>
<p><a href="/">${esc(L.stay(current.label))}</a></p>`;
  } else {
    body = `${who}<form method="post"><button type="submit">${L.signIn}</button></form>`;
  }
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${L.title}</title><style>${PAGE_STYLE}</style></head>
<body><main><h1>${L.heading}</h1>
${body}
<p class="meta">${L.personal}</p>
<p><a href="${L.otherLang.href}" lang="${L.otherLang.lang}">${L.otherLang.text}</a></p>
</main></body></html>`;
}
