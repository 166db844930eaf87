/**
 * `npm run new -- <article|actor|event|relation> …`: creates a correctly named
 * entry from a template, refusing duplicates and unknown ids, and prints the
 * path it wrote. Missing arguments are asked for on a terminal; never in CI.
 *
 *   npm run new -- article "Headline" [--publisher "Name"] [--published 2022-02-05]
 *   npm run new -- actor "Fumio Kishida" [--kind person]
 *   npm run new -- event "Kishida and Biden hold talks" --date 2022-01 [--kind meeting] [--actors a,b]
 *   npm run new -- relation united-states urges japan
 *   (all take --id <id> to choose the id, and --content <dir>, default content/)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import {
  ENTRY_TYPES,
  type EntryType,
  type ScaffoldRequest,
  scaffoldEntry,
} from '../src/lib/authoring/scaffold.ts';
import { buildStory } from '../src/lib/model/build.ts';
import { readContent } from '../src/lib/model/read.ts';
import type { ActorKind, EventKind } from '../src/lib/model/types.ts';
import { knownIds } from './lib/known-ids.ts';

const USAGE = `Usage:
  npm run new -- article "Headline" [--publisher "Name"] [--published 2022-02-05]
  npm run new -- actor "Name" [--kind state|person|organization|media]
  npm run new -- event "Title" --date 2022-01 [--kind meeting] [--actors a,b]
  npm run new -- relation <from-actor> <kind> <to-actor>
Options: --id <id>, --content <dir> (default: content)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: 'string' },
    content: { type: 'string' },
    kind: { type: 'string' },
    date: { type: 'string' },
    actors: { type: 'string' },
    publisher: { type: 'string' },
    published: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const interactive = process.stdin.isTTY === true && !process.env.CI;
const rl = interactive
  ? createInterface({ input: process.stdin, output: process.stdout })
  : undefined;

/** The value given, or an answer to a prompt on a terminal, or a usage error. */
async function need(value: string | undefined, question: string): Promise<string> {
  if (value) return value;
  if (!rl) fail(`Missing ${question}.`);
  const answer = (await rl.question(`${question}: `)).trim();
  if (!answer) fail(`Missing ${question}.`);
  return answer;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  rl?.close();
  process.exit(2);
}

const type = (await need(positionals[0], `entry type (${ENTRY_TYPES.join(', ')})`)) as EntryType;
if (!ENTRY_TYPES.includes(type))
  fail(`Unexpected entry type \`${type}\`, expected one of ${ENTRY_TYPES.join(', ')}.`);
const rest = positionals.slice(1);
const id = values.id;
let request: ScaffoldRequest;
switch (type) {
  case 'article':
    request = {
      type,
      title: await need(rest[0], 'headline'),
      publisher: values.publisher,
      published: values.published,
      id,
    };
    break;
  case 'actor':
    request = {
      type,
      name: await need(rest[0], 'name'),
      kind: values.kind as ActorKind | undefined,
      id,
    };
    break;
  case 'event':
    request = {
      type,
      title: await need(rest[0], 'title'),
      date: await need(values.date, 'date (2022, 2022-01, 2022-01-21 …)'),
      kind: values.kind as EventKind | undefined,
      actors: values.actors
        ?.split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      id,
    };
    break;
  case 'relation':
    request = {
      type,
      from: await need(rest[0], 'from (actor id)'),
      kind: await need(rest[1], 'kind (relation kind id)'),
      to: await need(rest[2], 'to (actor id)'),
      id,
    };
    break;
}
rl?.close();

const contentDir = values.content ?? process.env.CONTENT_DIR ?? 'content';
const raw = readContent(contentDir);
const known = knownIds(raw, buildStory(raw).story);
const result = scaffoldEntry(request, known);
if (!result.ok) {
  process.stderr.write(`${result.errors.map((e) => `✖ ${e}`).join('\n')}\nNothing was written.\n`);
  process.exit(1);
}
const file = path.join(contentDir, result.path);
await mkdir(path.dirname(file), { recursive: true });
await writeFile(file, result.text, { flag: 'wx' });
process.stdout.write(`✔ wrote ${file}\n  edit it, then run \`npm run check\`\n`);
