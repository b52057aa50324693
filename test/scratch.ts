/**
 * Where a test run writes its scratch files and its build of the web app. One run at a time
 * uses the defaults (test-results/, dist/web); setting TICKMARK_TEST_SCRATCH gives a run its
 * own folder, so two runs side by side never wipe each other's build or screenshots.
 */
import { join } from 'node:path';

const own = process.env.TICKMARK_TEST_SCRATCH;

export const scratchDir = join(process.cwd(), own ?? 'test-results');

export const webBuildDir = own ? join(scratchDir, 'web') : join(process.cwd(), 'dist', 'web');
