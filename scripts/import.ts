/**
 * `npm run import -- <timelinejs|csv> <file>`: brings a TimelineJS3 timeline
 * (events) or a Kumu-style connections sheet (relations) into a content
 * folder. Never overwrites an entry; checks the new entries with the content
 * check before writing; reports what it created and everything it left out.
 *
 *   npm run import -- timelinejs timeline.json [--article <id>] [--dry-run]
 *   npm run import -- csv connections.csv [--create-actors] [--article <id>] [--dry-run]
 *   (both take --content <dir>, default content/)
 *
 * Exit codes: 0 imported (rows or slides it could not use are reported and
 * skipped), 1 unreadable input or entries that would not pass the check,
 * 2 usage errors.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { planCsvImport } from '../src/lib/authoring/import-csv.ts';
import { planTimelineImport } from '../src/lib/authoring/import-timelinejs.ts';
import type { ImportIssue, ImportPlan } from '../src/lib/authoring/scaffold.ts';
import { buildStory } from '../src/lib/model/build.ts';
import { formatDiagnostics, hasErrors } from '../src/lib/model/diagnostics.ts';
import { type RawContent, readContent } from '../src/lib/model/read.ts';
import { didYouMean } from '../src/lib/model/suggest.ts';
import { knownIds } from './lib/known-ids.ts';

const USAGE = `Usage:
  npm run import -- timelinejs <file.json> [options]
  npm run import -- csv <file.csv> [--create-actors] [options]
Options:
  --content <dir>   content folder (default: content)
  --article <id>    list the imported entries in this article's \`articles\`
  --dry-run         print what would be written, write nothing
  --create-actors   csv only: make a stub actor (kind organization) for a
                    name that matches no actor, instead of skipping the row`;

const FORMATS = ['timelinejs', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function usageError(message: string): never {
  process.stderr.write(`✖ ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function fail(message: string): never {
  process.stderr.write(`✖ ${message}\nNothing was written.\n`);
  process.exit(1);
}

/** The command line, or a usage error (exit 2) for an unknown option. */
function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        article: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'create-actors': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    usageError((error as Error).message);
  }
}
const { values, positionals } = readArgs();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [format, file, ...extra] = positionals;
if (!format) usageError('Missing the format: timelinejs or csv.');
if (!FORMATS.includes(format as Format))
  usageError(`Unexpected format \`${format}\`, expected one of ${FORMATS.join(', ')}.`);
if (!file) usageError(`Missing the ${format === 'csv' ? 'CSV' : 'JSON'} file to import.`);
if (extra.length > 0) usageError(`Unexpected argument \`${extra[0]}\`.`);
if (values['create-actors'] && format !== 'csv')
  usageError('`--create-actors` applies to csv imports only.');

const contentDir = values.content ?? process.env.CONTENT_DIR ?? 'content';
const isDir = await stat(contentDir).then(
  (s) => s.isDirectory(),
  () => false,
);
if (!isDir) usageError(`No content folder at \`${contentDir}\`; pass --content <dir>.`);

let input: string;
try {
  input = await readFile(file, 'utf8');
} catch (error) {
  fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

const raw = readContent(contentDir);
const before = buildStory(raw);
const known = knownIds(raw, before.story);
const article = values.article;
if (article !== undefined && !known.articles.has(article))
  usageError(
    `Unexpected article \`${article}\` in \`--article\`, expected an id from ${contentDir}/articles/${didYouMean(article, known.articles)}`,
  );

const result =
  format === 'csv'
    ? planCsvImport(input, {
        known,
        actors: before.story.actors,
        kinds: before.story.kinds,
        article,
        createActors: values['create-actors'] === true,
      })
    : planTimelineImport(input, { known, article });
if (!result.ok) fail(`${file}: ${result.reason}`);
const plan: ImportPlan = result;

// The same check as `npm run check`, run on the content as it would be after the import.
const shown = (entryPath: string) => `${raw.root}/${entryPath}`;
const after: RawContent = {
  ...raw,
  collections: { ...raw.collections },
};
for (const entry of plan.entries)
  after.collections[entry.collection] = [
    ...after.collections[entry.collection],
    { path: shown(entry.path), text: entry.text },
  ];
const planned = new Set(plan.entries.map((e) => shown(e.path)));
const problems = buildStory(after).diagnostics.filter((d) => planned.has(d.file));
if (hasErrors(problems)) {
  process.stderr.write(`${formatDiagnostics(problems)}\n`);
  fail('The imported entries would not pass the content check (see above).');
}

const dryRun = values['dry-run'] === true;
const out = (line = '') => process.stdout.write(`${line}\n`);
for (const entry of plan.entries) {
  const target = path.join(contentDir, entry.path);
  const note = entry.note ? ` (${entry.note})` : '';
  if (dryRun) {
    out(`• would write ${target}${note}`);
    out(
      entry.text
        .trimEnd()
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    );
    continue;
  }
  await mkdir(path.dirname(target), { recursive: true });
  try {
    // `wx`: an entry that appeared since the folder was read is never overwritten.
    await writeFile(target, entry.text, { flag: 'wx' });
  } catch (error) {
    process.stderr.write(
      `✖ Cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; the files above were written\n`,
    );
    process.exit(1);
  }
  out(`✔ wrote ${target}${note}`);
}

const list = (title: string, issues: readonly ImportIssue[]) => {
  if (issues.length === 0) return;
  out(`\n${title}:`);
  for (const issue of issues) out(`  ${issue.where}: ${issue.message}`);
};
list('Skipped', plan.skipped);
list('Not mapped', plan.notMapped);
if (plan.notes.length > 0) {
  out('\nNotes:');
  for (const note of plan.notes) out(`  ${note}`);
}
const [firstWarning] = problems;
if (firstWarning)
  out(
    `\n${problems.length} warning(s) on the imported entries, the first: ${firstWarning.reason}. Run \`npm run check -- ${contentDir}\` to see them all.`,
  );
if (hasErrors(before.diagnostics))
  out(
    `\n! ${contentDir} had content errors before this import (not in the imported entries): run \`npm run check\`.`,
  );
const counts = `${plan.entries.length} ${dryRun ? 'to create' : 'created'}, ${plan.skipped.length} skipped`;
out(`\n✔ ${counts}${dryRun ? ' (dry run: nothing written)' : ''}`);
