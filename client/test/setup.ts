import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, expect } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import i18next from 'i18next';
import { initI18n, loadLanguage } from '../src/i18n/index.ts';
import { disconnectMeeting, seedMeetingStore } from '../src/store/index.ts';

/** Every key the UI asked for that the resources do not have: a test fails if any appears. */
export const missingKeys: string[] = [];

// findBy… waits for data to arrive; on a loaded machine a re-render can take seconds.
configure({ asyncUtilTimeout: 10_000 });

initI18n('de');
// English is a lazy chunk in the app; tests load it once so the switch is immediate.
await loadLanguage('en');
i18next.options.saveMissing = true;
i18next.options.missingKeyHandler = (_lngs, _ns, key) => {
  missingKeys.push(key);
};

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  void i18next.changeLanguage('de');
  seedMeetingStore({});
  missingKeys.length = 0;
});

afterEach(() => {
  cleanup();
  disconnectMeeting();
  expect(missingKeys, 'translation keys missing').toEqual([]);
});
