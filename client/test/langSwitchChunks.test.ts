import { afterAll, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { en } from '../src/i18n/en.ts';
import { nestDotted } from '../src/i18n/index.ts';
import { missingKeys } from './setup.ts';

/**
 * The app starts in German; English is a lazy chunk. A view chunk (drafts, between sessions) adds
 * an 'en' bundle of only its own texts when it loads, before anyone switched language. The switch
 * must still load all of English, or a delegate who picks English sees German outcome words.
 */
describe('language switch after a view chunk brought its own English texts', () => {
  afterAll(async () => {
    // The shared setup had loaded all of English; leave i18next as the other tests expect it.
    i18next.addResourceBundle('en', 'translation', { ...en, violation: nestDotted(en.violation) }, true, true);
    await i18next.changeLanguage('de');
  });

  it('switching to English shows "Adopted", not "Angenommen"', async () => {
    // A fresh i18n module, as at page start: only German loaded.
    i18next.removeResourceBundle('en', 'translation');
    vi.resetModules();
    const fresh = await import('../src/i18n/index.ts');
    // What the drafts and between-sessions chunks do on load.
    await import('../src/views/drafts/texts.ts');
    expect(i18next.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18next.t('outcome.adopted', { lng: 'en' })).toBe('Angenommen');
    missingKeys.length = 0; // asked on purpose, before the switch

    await fresh.setLanguage('en');
    expect(i18next.language).toBe('en');
    expect(i18next.t('outcome.adopted')).toBe('Adopted');
    expect(i18next.t('drafts.current')).toBe('Working text');
  });
});
