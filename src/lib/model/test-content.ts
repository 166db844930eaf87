/** Builders of in-memory content for tests: a small valid story that each test bends. */
import type { RawContent, SourceFile } from './read.ts';
import type { CollectionName } from './schemas.ts';

/** Files of one collection by id, as Markdown text. */
export type EntryTexts = Partial<Record<CollectionName, Record<string, string>>>;

export const SITE_YAML =
  'title: Test Story\ndescription: A story for tests.\nlanguage: en\ndefaultArticle: report\n';

export const KINDS_YAML = [
  '- id: urges',
  '  label: urges',
  '  inverse: is urged by',
  '  directed: true',
  '  category: pressure',
  '- id: allies-with',
  '  label: allies with',
  '  directed: false',
  '  category: cooperation',
  '',
].join('\n');

/** A valid story: two actors, one article, one event, one relation. */
export const BASE_ENTRIES: Required<EntryTexts> = {
  articles: {
    report: [
      '---',
      'title: Alpha presses Beta',
      'summary: Alpha urged Beta to act.',
      'source:',
      '  publisher: Gazette',
      '  via: [wire]',
      '  published: 2020-03-04',
      '---',
      'Body about [[alpha]] and [[beta|the Betans]] at [[event:meeting]].',
      '',
    ].join('\n'),
  },
  actors: {
    alpha: '---\nname: Alpha\nkind: state\naliases: [Alphaland]\n---\nA state.\n',
    beta: '---\nname: Beta\nkind: person\naffiliation: alpha\n---\n',
    wire: '---\nname: Wire\nkind: media\n---\n',
  },
  events: {
    meeting: [
      '---',
      'title: Alpha meets Beta',
      'date: 2020-02',
      'kind: meeting',
      'actors: [alpha, beta]',
      'articles: [report]',
      'evidence:',
      '  - quote: "they met"',
      '    article: report',
      '---',
      '',
    ].join('\n'),
  },
  relations: {
    'alpha-urges-beta': [
      '---',
      'from: alpha',
      'to: beta',
      'kind: urges',
      'since: 2020-02',
      'until: 2020-03-04',
      'articles: [report]',
      'evidence:',
      '  - quote: "act now"',
      '    article: report',
      '---',
      '',
    ].join('\n'),
  },
};

/** RawContent from the base story with `changes` applied; `null` removes an entry. */
export function makeContent(
  changes: { [C in CollectionName]?: Record<string, string | null> } = {},
  files: { site?: string | null; kinds?: string | null } = {},
): RawContent {
  const collections = {} as Record<CollectionName, SourceFile[]>;
  for (const name of Object.keys(BASE_ENTRIES) as CollectionName[]) {
    const merged: Record<string, string | null> = { ...BASE_ENTRIES[name], ...changes[name] };
    collections[name] = Object.entries(merged)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, text]) => ({ path: `content/${name}/${id}.md`, text }));
  }
  const site = files.site === undefined ? SITE_YAML : files.site;
  const kinds = files.kinds === undefined ? KINDS_YAML : files.kinds;
  return {
    root: 'content',
    ...(site === null ? {} : { site: { path: 'content/site.yaml', text: site } }),
    ...(kinds === null ? {} : { kinds: { path: 'content/relation-kinds.yaml', text: kinds } }),
    collections,
  };
}
