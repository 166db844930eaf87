import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../model/frontmatter.ts';
import { findWikilinks } from '../remark/wikilinks.ts';
import { type CsvImportOptions, parseCsv, planCsvImport } from './import-csv.ts';
import { escapeMarkdownText, type KnownIds, scalar, shortSlug, uniqueId } from './scaffold.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../tests/fixtures/import/connections.csv');

const known: KnownIds = {
  articles: new Set(['harbour-talks']),
  actors: new Set(['northland', 'southland', 'harbour-board', 'mayor-ada', 'wire-service']),
  events: new Set(),
  relations: new Set(['northland-pressures-southland']),
  kinds: new Set(['pressures', 'trades-with', 'quarrels-with', 'reports-on', 'heads']),
};
const options: CsvImportOptions = {
  known,
  actors: [
    { id: 'northland', name: 'Northland', aliases: ['the North'] },
    { id: 'southland', name: 'Southland', aliases: [] },
    { id: 'harbour-board', name: 'Harbour Board', aliases: [] },
    { id: 'mayor-ada', name: 'Ada Ørsted-Lin', aliases: ['Ada'] },
    { id: 'wire-service', name: 'Wire Service', aliases: [] },
  ],
  kinds: [
    { id: 'pressures', label: 'pressures', inverse: 'is pressed by' },
    { id: 'trades-with', label: 'trades with' },
    { id: 'quarrels-with', label: 'quarrels with' },
    { id: 'reports-on', label: 'reports on', inverse: 'is reported on by' },
    { id: 'heads', label: 'heads', inverse: 'is headed by' },
  ],
};

function frontmatter(text: string): Record<string, unknown> {
  return parse(splitFrontmatter(text).yaml ?? '') as Record<string, unknown>;
}

function plan(csv: string, extra: Partial<CsvImportOptions> = {}) {
  const result = planCsvImport(csv, { ...options, ...extra });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function rows(text: string): string[][] {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.reason);
  return result.records.map((r) => r.fields);
}

describe('parseCsv', () => {
  test('splits fields and records', () => {
    expect(rows('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  test('reads CRLF, LF and lone CR line ends, with or without a final one', () => {
    expect(rows('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(rows('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(rows('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(rows('"a, b","say ""hi""","two\r\nlines"\n')).toEqual([
      ['a, b', 'say "hi"', 'two\nlines'],
    ]);
  });

  test('tells empty fields apart: unquoted, quoted, trailing', () => {
    expect(rows('a,,""\n,\n""\n')).toEqual([['a', '', ''], ['', ''], ['']]);
  });

  test('skips a UTF-8 byte order mark', () => {
    expect(rows('\uFEFFFrom,To\n')).toEqual([['From', 'To']]);
  });

  test('keeps a quote inside an unquoted field as text', () => {
    expect(rows('5" screen,x\n')).toEqual([['5" screen', 'x']]);
  });

  test('numbers records by the line they start on', () => {
    const result = parseCsv('h\n"multi\nline"\nnext\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  test('refuses an unclosed quote, at the line it opens', () => {
    expect(parseCsv('a\n"open,\nstill open\n')).toEqual({
      ok: false,
      line: 2,
      reason: 'Unexpected end of file inside a quoted field, expected a closing `"`',
    });
  });

  test('refuses text after a closing quote', () => {
    const result = parseCsv('a,b\n"x"y,z\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.line).toBe(2);
    expect(!result.ok && result.reason).toContain('Unexpected `y` after the closing quote');
  });

  test('reads nothing from an empty file', () => {
    expect(rows('')).toEqual([]);
  });
});

describe('planCsvImport', () => {
  const fixture = plan(readFileSync(FIXTURE, 'utf8'), { article: 'harbour-talks' });
  const byId = new Map(fixture.entries.map((e) => [e.id, e]));

  test('makes a relation per usable row, matching ids, names and aliases without case or accents', () => {
    expect(fixture.entries.map((e) => e.path)).toEqual([
      'relations/northland-pressures-harbour-board.md',
      'relations/northland-reports-on-mayor-ada.md',
      'relations/wire-service-reports-on-mayor-ada.md',
      'relations/southland-heads-harbour-board.md',
      'relations/southland-trades-with-northland.md',
    ]);
  });

  test('maps label, dates, description and article', () => {
    const entry = byId.get('northland-pressures-harbour-board');
    expect(frontmatter(entry?.text ?? '')).toEqual({
      from: 'northland',
      to: 'harbour-board',
      kind: 'pressures',
      label: 'presses the board, again',
      since: '2031-06',
      articles: ['harbour-talks'],
    });
    expect(splitFrontmatter(entry?.text ?? '').body).toBe(
      'The North wrote to the board.\nThen it wrote again, "urgently".\n',
    );
    expect(frontmatter(byId.get('wire-service-reports-on-mayor-ada')?.text ?? '')).toMatchObject({
      since: '2031-05-02',
      until: '2031-05-30',
    });
  });

  test('reads an inverse label the other way round', () => {
    expect(frontmatter(byId.get('southland-heads-harbour-board')?.text ?? '')).toMatchObject({
      from: 'southland',
      to: 'harbour-board',
      kind: 'heads',
      since: 2031,
    });
    expect(fixture.notes).toContain(
      'row 5 (line 6): `is headed by` is the inverse of `heads`, so the relation reads southland heads harbour-board',
    );
  });

  test('skips unknown actors and types with suggestions, by row', () => {
    expect(fixture.skipped.map((s) => `${s.where}: ${s.message}`)).toEqual([
      'row 6 (line 7): Unexpected actor `Southlnd` in `To`, expected an id, name or alias from actors/; did you mean `southland`?',
      'row 7 (line 8): Unexpected actor `Eastland` in `From`, expected an id, name or alias from actors/',
      'row 8 (line 9): Unexpected relation type `blockades` in `Type`, expected an id or label from relation-kinds.yaml',
      'row 9 (line 10): Unexpected relation type `quarels with` in `Type`, expected an id or label from relation-kinds.yaml; did you mean `quarrels-with`?',
    ]);
    expect(fixture.notes).toContain(
      '2 row(s) name actors that do not exist: add them to actors/, or import again with --create-actors to make stubs',
    );
  });

  test('drops bad dates and unmapped columns, saying so', () => {
    expect(fixture.notMapped.map((s) => `${s.where}: ${s.message}`)).toEqual([
      'row 10 (line 11): `Date` `2031-02-30` dropped: February 2031 has 28 days; expected a date as YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time',
      'column `Tags`: not imported (2 row(s) have a value): relations have no tags',
    ]);
    expect(frontmatter(byId.get('southland-trades-with-northland')?.text ?? '')).toEqual({
      from: 'southland',
      to: 'northland',
      kind: 'trades-with',
      until: '2031-03',
      articles: ['harbour-talks'],
    });
  });

  test('writes the description as text: no HTML, no wikilinks', () => {
    const text = splitFrontmatter(byId.get('wire-service-reports-on-mayor-ada')?.text ?? '').body;
    const tree = fromMarkdown(text);
    const types = new Set<string>();
    visit(tree, (node) => {
      types.add(node.type);
    });
    expect(types.has('html')).toBe(false);
    expect(findWikilinks(tree)).toEqual([]);
  });

  test('reads Since before Date, header names in any case, and columns in any order', () => {
    const result = plan(
      'TYPE,date,Since,TO,FROM,until\npressures,2031-01,2031-02,southland,northland,2031-04\npressures,2031-01,,southland,northland,\n',
    );
    expect(result.entries.map((e) => frontmatter(e.text))).toEqual([
      { from: 'northland', to: 'southland', kind: 'pressures', since: '2031-02', until: '2031-04' },
      { from: 'northland', to: 'southland', kind: 'pressures', since: '2031-01' },
    ]);
  });

  test('with createActors, makes one stub per unknown name and imports its rows', () => {
    const result = plan(
      'From,To,Type\nEastland,Southland,trades with\neastland,Northland,pressures\n',
      {
        createActors: true,
      },
    );
    expect(result.entries.map((e) => e.path)).toEqual([
      'relations/eastland-trades-with-southland.md',
      'relations/eastland-pressures-northland.md',
      'actors/eastland.md',
    ]);
    expect(frontmatter(result.entries[2]?.text ?? '')).toEqual({
      name: 'Eastland',
      kind: 'organization',
    });
    expect(result.skipped).toEqual([]);
  });

  test('creates no stub for a row skipped for its type', () => {
    const result = plan('From,To,Type\nEastland,Southland,blockades\n', { createActors: true });
    expect(result.entries).toEqual([]);
    expect(result.skipped).toHaveLength(1);
  });

  test('numbers relation ids that exist already, and skips self-relations and blank rows', () => {
    const result = plan(
      'from,to,type\nnorthland,southland,pressures\nNorthland,Southland,Pressures\n\n,,\nnorthland,the north,pressures\n',
    );
    expect(result.entries.map((e) => e.id)).toEqual([
      'northland-pressures-southland-2',
      'northland-pressures-southland-3',
    ]);
    expect(result.skipped).toEqual([
      { where: 'row 6', message: '`From` and `To` are the same actor `northland`' },
    ]);
  });

  test('skips a row missing a required value, and a name shared by two actors', () => {
    const twins = {
      ...options,
      actors: [...options.actors, { id: 'ada-two', name: 'Ada Two', aliases: ['Ada'] }],
    };
    const result = planCsvImport('From,To,Type\nAda,Northland,heads\nNorthland,,heads\n', twins);
    expect(result.ok && result.skipped.map((s) => s.message)).toEqual([
      '`Ada` in `From` names several actors (`ada-two`, `mayor-ada`); write the id instead',
      'no `To`',
    ]);
  });

  test('refuses a sheet without From, To and Type columns, hinting at semicolons', () => {
    expect(planCsvImport('From;To;Type\na;b;c\n', options)).toEqual({
      ok: false,
      reason:
        'Unexpected header `From;To;Type`, expected columns From, To and Type; missing `From`, `To`, `Type` — the header looks separated by `;` or tabs; save the sheet as comma-separated CSV',
    });
    expect(planCsvImport('', options)).toMatchObject({ ok: false });
    expect(planCsvImport('From,To,Type\n"open\n', options)).toMatchObject({
      ok: false,
      reason: 'line 2: Unexpected end of file inside a quoted field, expected a closing `"`',
    });
  });
});

describe('escapeMarkdownText', () => {
  test('shows the text exactly, with no HTML, syntax or wikilinks', () => {
    const text =
      '<script>x</script> **b** _i_ `c` [l](u) [[northland]] [[[x]]] &copy; ~s~\n- item\n# head\n2. two\n    indented\n> quote';
    const tree = fromMarkdown(escapeMarkdownText(text));
    const types = new Set<string>();
    let shown = '';
    visit(tree, (node) => {
      types.add(node.type);
      if (node.type === 'text') shown += node.value;
    });
    expect([...types].sort()).toEqual(['paragraph', 'root', 'text']);
    expect(findWikilinks(tree)).toEqual([]);
    expect(shown).toBe(
      '<script>x</script> **b** _i_ `c` [l](u) [ [northland] ] [ [ [x] ] ] &copy; ~s~\n- item\n# head\n2. two\nindented\n> quote',
    );
  });
});

describe('uniqueId and shortSlug', () => {
  test('numbers a taken id from 2', () => {
    expect(uniqueId('a', new Set())).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });

  test('cuts a long slug at a hyphen', () => {
    const slug = shortSlug('word '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('word')).toBe(true);
  });
});

describe('scalar', () => {
  test('keeps long and multi-line text on one YAML line', () => {
    const long = 'word '.repeat(30).trim();
    expect(scalar(long)).not.toContain('\n');
    expect(parse(`t: ${scalar('two\nlines')}`).t).toBe('two\nlines');
  });
});
