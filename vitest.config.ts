import { defineConfig } from 'vitest/config';

// Two projects: `unit` (API and pure tests against a real database) and `e2e` (Chromium flows).
// Each test file gets its own database, so files run in parallel; the machine has two cores.
// CI asks for a machine-readable report per run, to print one closing "N passed, N failed" line.
const reportDir = process.env.KOMEK_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    reporters: reportDir
      ? ['default', ['json', { outputFile: `${reportDir}/vitest-${process.pid}.json` }]]
      : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'apps/web/src/**/*.test.tsx',
            'apps/web/build/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
