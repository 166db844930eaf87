/**
 * `npm run check [-- <content dir>]`: validates content without building pages.
 * Prints every problem with file, line and column; exits 1 on any error.
 */
import { formatDiagnostics, hasErrors } from '../src/lib/model/diagnostics.ts';
import { loadStory } from '../src/lib/model/load.ts';
import { summarizeStory } from '../src/lib/model/summary.ts';

const dir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
const started = performance.now();
const { story, diagnostics } = await loadStory(dir);
const report = formatDiagnostics(diagnostics, { color: process.stdout.isTTY });
if (report) process.stdout.write(`${report}\n`);
const ms = Math.round(performance.now() - started);
if (hasErrors(diagnostics)) {
  process.stdout.write(`\n${dir}: content has errors (checked in ${ms} ms)\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`✔ ${dir}: ${summarizeStory(story)} (checked in ${ms} ms)\n`);
}
