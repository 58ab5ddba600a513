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
        },
      },
    ],
  },
});
