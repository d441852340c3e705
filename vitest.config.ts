import { defineConfig } from 'vitest/config';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

/**
 * The walks over every screen take minutes each: started first, they run beside the short flows
 * instead of alone at the end (a clean clone has no timings cached to order files by).
 */
const LONG_FIRST = /e2e\/(raw-codes|accessibility|offline-sync)\.test\.ts$/;
class LongWalksFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    return [...sorted].sort(
      (a, b) => Number(!LONG_FIRST.test(a.moduleId)) - Number(!LONG_FIRST.test(b.moduleId)),
    );
  }
}

// Two projects: `unit` (API and pure tests against a real database) and `e2e` (Chromium flows).
// Each test file gets its own database (and an e2e file its own server and browser), so files run
// in parallel; the machine has two cores.
// CI asks for a machine-readable report per run, to print one closing "N passed, N failed" line.
const reportDir = process.env.KOMEK_TEST_REPORT_DIR;

export default defineConfig({
  test: {
    sequence: { sequencer: LongWalksFirst },
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
          pool: 'forks',
          maxWorkers: 2,
        },
      },
    ],
  },
});
