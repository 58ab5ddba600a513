import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { ErrorPayload } from '@plenum/shared';
import { de } from './de.ts';

export const LANGUAGES = ['de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'plenum.lang';

/** Violation codes contain dots; i18next reads dots as nesting, so nest them once here. */
export function nestDotted(flat: Record<string, string>): Record<string, unknown> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = node[part] ??= {};
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

function bundle(texts: typeof de): Record<string, unknown> {
  return { ...texts, violation: nestDotted(texts.violation) };
}

/** Only German is bundled up front; English is its own chunk, loaded when asked for (loadLanguage). */
export const resources = { de: { translation: bundle(de) } };

/**
 * Whether a language's own texts were added. Not `hasResourceBundle`: a view chunk that brings its
 * own texts (drafts, between sessions) adds an 'en' bundle of just those when it loads, and English
 * would then look loaded while every other key fell back to German.
 */
const loaded = new Set<Lang>(['de']);
/** Makes a language's texts available; resolves at once when they are already there. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (loaded.has(lang)) return;
  const { en } = await import('./en.ts');
  i18next.addResourceBundle('en', 'translation', bundle(en), true, true);
  loaded.add(lang);
}

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'de' || stored === 'en') return stored;
  } catch {
    // Storage may be blocked (private mode): German is the default.
  }
  return 'de';
}

/**
 * The app's start: German at once; when English was chosen before, its texts are loaded first so
 * the page does not flash German.
 */
export async function startI18n(): Promise<void> {
  const lang = readStoredLang();
  initI18n('de');
  if (lang !== 'de') {
    try {
      await loadLanguage(lang);
      await i18next.changeLanguage(lang);
    } catch {
      // The English chunk did not load (offline): German stays, the switch can try again.
    }
  }
}

/** German first; English on request, remembered in localStorage; <html lang> follows. */
export function initI18n(lang: Lang = readStoredLang()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: lang,
      fallbackLng: 'de',
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18next.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
      try {
        localStorage.setItem(STORAGE_KEY, lng);
      } catch {
        // not persisted; still switched for this page
      }
    });
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  document.documentElement.lang = lang;
  return i18next;
}

/**
 * Switches at once when the texts are there (German always is); else after loading them. Asks
 * `loaded`, not i18next: a view chunk's own small 'en' bundle must not pass for all of English.
 */
export function setLanguage(lang: Lang): Promise<unknown> {
  if (loaded.has(lang)) return i18next.changeLanguage(lang);
  return loadLanguage(lang).then(() => i18next.changeLanguage(lang), () => undefined);
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'de';
}

/** The translated text of a refusal, with its rule ID when there is one. */
export function errorMessage(t: (key: string, opts?: Record<string, unknown>) => string, error: ErrorPayload): string {
  const key = `violation.${error.code}`;
  const text = i18next.exists(key) ? t(key, { ...(error.details ?? {}) }) : t('errors.unknownCode', { code: error.code });
  // The rule ID is for support, not for the room: ErrorAlert keeps it in data-rule.
  return text;
}
