import { defineConfig } from 'vitest/config';

// The JSON report feeds `.ci/run`'s "N passed, N failed" line.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Generous on purpose: the suite shares two cores with other work, and a slow machine
    // must never fail a test by time. Heavy tests (the corpus) set their own, as long.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // expect.poll waits for the browser and the server as a person would; 1 s is too short
    // for a loaded machine, and a failure here must mean "never happened", not "slow".
    expect: { poll: { timeout: 60_000 } },
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
