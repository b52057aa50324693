// Prints "N passed, N failed" from Vitest's JSON report (used by .ci/run).
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-report.json';
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
} catch (error) {
  console.error(`no test report at ${file}: ${error.message}`);
  process.exit(1);
}
