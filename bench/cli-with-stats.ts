/** Runs the CLI in this process and prints its peak memory, for the benchmarks. */
import { main } from '../cli/main.js';

const started = performance.now();
const status = await main(process.argv.slice(2));
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
// CPU seconds as well: on a shared machine the wall clock says more about the neighbours.
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stderr.write(`${JSON.stringify({ status, seconds, cpuSeconds, maxRssMb: Math.round(usage.maxRSS / 1024) })}\n`);
process.exitCode = status;
