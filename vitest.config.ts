import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: node for shared/ and server/ (and e2e, which drives a real browser),
// jsdom for the React client.
export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          globals: true,
          include: ['shared/test/**/*.test.ts', 'server/test/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          environment: 'jsdom',
          globals: true,
          include: ['client/test/**/*.test.{ts,tsx}'],
          setupFiles: ['client/test/setup.ts'],
          // A UI test renders a whole view in jsdom and clicks through it: ~0.3–1 s on a quiet
          // machine, several seconds on a loaded 2-core one. The default 5 s made 4–6 of them
          // time out there; none waits on a clock, so a generous limit hides nothing.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
