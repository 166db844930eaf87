/**
 * The boundary where content problems stop a build: checks the whole content
 * folder before Astro writes anything, prints every problem once, and exits
 * non-zero without a stack trace. Warnings are printed and the build goes on.
 */
import { shareCheckedContent } from '../data/story.ts';
import { formatDiagnostics, hasErrors } from '../lib/model/diagnostics.ts';
import { readContent } from '../lib/model/read.ts';
import { summarizeStory } from '../lib/model/summary.ts';
import { loadStoryForBuild } from './checked-story.ts';
import { shareReadFiles } from './loader.ts';

/** Checks `contentDir`; on errors prints the report and ends the process with exit code 1 (in dev: logs it). */
export function gateContent(
  contentDir: string,
  log: { info(m: string): void; warn(m: string): void; error(m: string): void },
  onError: 'exit' | 'warn' = 'exit',
) {
  const raw = readContent(contentDir);
  const result = loadStoryForBuild(contentDir, raw);
  const { story, diagnostics } = result;
  const report = formatDiagnostics(diagnostics, { color: process.stderr.isTTY });
  if (hasErrors(diagnostics) && onError === 'warn') {
    log.error(`\n${report}\n\nPages of entries with errors are left out until they are fixed.`);
    return story;
  }
  if (hasErrors(diagnostics)) {
    process.stderr.write(
      `\n${report}\n\nThe site was not built: fix the content errors above (run \`npm run check\` to re-check quickly).\n`,
    );
    process.exit(1);
  }
  if (report) log.warn(`\n${report}`);
  log.info(`content ok: ${summarizeStory(story)}`);
  // The pages of this build reuse it instead of checking every file again...
  shareCheckedContent(contentDir, result);
  // ...and the collection loaders the files instead of reading them again (not in dev, where
  // they change: there, whatever an earlier build in this process left is dropped).
  shareReadFiles(contentDir, onError === 'exit' ? raw : undefined);
  return story;
}
