import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, driven by playwright-core. Never a downloaded browser: the path comes from
 * CHROME_PATH or the Debian package (`apt-get install -y chromium`).
 */
export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium   (or set CHROME_PATH to a Chromium binary)';

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = DEBIAN_PATHS): string | null {
  const candidates = [env.CHROME_PATH, ...defaults].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Flags that keep a headless Chromium quiet and offline on a shared CI box. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Without Chromium the browser tests are skipped loudly on a developer box, but in CI a missing
 * browser is a failure: a green CI run must mean the browser tests ran.
 */
export type ChromiumAvailability = { kind: 'found'; path: string } | { kind: 'skip' } | { kind: 'fail'; message: string };

export function chromiumAvailability(env: NodeJS.ProcessEnv = process.env, defaults: readonly string[] = DEBIAN_PATHS): ChromiumAvailability {
  const path = findChromium(env, defaults);
  if (path) return { kind: 'found', path };
  const message = `No Chromium found for the browser end-to-end tests. Install it: ${CHROMIUM_INSTALL_HINT}`;
  if (env.CI === 'true') return { kind: 'fail', message };
  console.warn(`\n⚠️  SKIPPING browser end-to-end tests. ${message}\n`);
  return { kind: 'skip' };
}
