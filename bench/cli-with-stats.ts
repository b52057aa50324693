/** Runs the CLI in this process and prints its peak memory, for the benchmarks. */
import { main } from '../cli/main.js';

const started = performance.now();
const status = await main(process.argv.slice(2));
const seconds = (performance.now() - started) / 1000;
process.stderr.write(`${JSON.stringify({ status, seconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
process.exitCode = status;
