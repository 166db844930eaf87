import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml, parseYamlDocument, splitFrontmatter, takeYamlData } from './frontmatter.ts';

/** Hand-written YAML that exercises what the fast parser and the full one must read alike. */
const CASES = [
  '',
  '# only a comment\n',
  'name: Plain\nkind: state\n',
  'date: 2022-02-17\nyear: 2022\nmonth: 2022-02\ntime: 2022-02-17T09:30+09:00\n',
  'n: 12\nf: 1.5\nneg: -3\nhex: 0x1F\noct: 0o17\nlead: 017\nexp: 1e3\ninf: .inf\nnan: .nan\n',
  'yes: yes\nno: no\non: on\ntrue: true\nfalse: FALSE\nnull: ~\nempty:\n',
  'quoted: "a \\"b\\" \\u00e9 \\t"\nsingle: \'it\'\'s\'\n',
  'list: [a, b, "c d"]\nblock:\n  - one\n  - two: 2\n    three: [3]\n',
  'folded: >\n  one\n  two\n\n  three\nliteral: |\n  keep\n    indent\n',
  'strip: |-\n  x\nkeep: |+\n  y\n\n',
  'name: "ロシア連邦"\naliases: [Orbán, "مجلس"]\nrole: \'Vice-président\'\n',
  'nested:\n  deep:\n    deeper: [1, {a: b}]\n',
  'url: https://example.org/a?b=c#d\ncolon: "a: b"\nhash: a #comment\n',
  '"1": one\n2: two\n',
  'plain multi\n  line: no\n',
  'multi: plain\n  continued\n',
  'version: 1.10\nzip: "00123"\n',
  '0x1F: hex\n1.0: float\nTrue: bool\n~: tilde\n',
  'map:\n  NULL: upper\n  "null": quoted\n',
];

function fixtureFrontmatters(): string[] {
  const root = path.resolve(import.meta.dirname, '../../../tests/fixtures');
  const texts: string[] = [];
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.md') && !file.endsWith('.yaml')) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    const yaml = file.endsWith('.md') ? splitFrontmatter(text).yaml : text;
    if (yaml !== undefined) texts.push(yaml);
  }
  return texts;
}

describe('parseYaml', () => {
  test('reads every case exactly as the full parser does', () => {
    for (const text of CASES) {
      const full = parseYamlDocument(text);
      const fast = parseYaml(text);
      expect({ text, data: fast.data, errors: fast.errors }).toEqual({
        text,
        data: full.data,
        errors: full.errors,
      });
    }
  });

  test('reads every fixture frontmatter exactly as the full parser does', () => {
    const texts = fixtureFrontmatters();
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(parseYaml(text).data).toEqual(parseYamlDocument(text).data);
  });

  test('places syntax errors and duplicate keys, shifted to the line the YAML starts on', () => {
    const duplicate = parseYaml('name: A\nkind: state\nname: B\n', 2);
    expect(duplicate.data).toBeUndefined();
    expect(duplicate.errors[0]?.place.start).toEqual({ line: 4, column: 1 });
    expect(duplicate.errors[0]?.reason).toMatch(/unique/i);
    const broken = parseYaml('name: [unclosed\nkind: state\n');
    expect(broken.errors.length).toBeGreaterThan(0);
  });

  test('locates fields of a text read by the fast path', () => {
    const yaml = parseYaml('name: A\nevidence:\n  - quote: "x"\n    article: b\n', 2);
    expect(yaml.locate(['evidence', 0, 'article']).start).toEqual({ line: 5, column: 14 });
    expect(yaml.locateKey(['evidence', 0], 'quote').start).toEqual({ line: 4, column: 5 });
    expect(yaml.locate(['missing', 'field']).start).toEqual({ line: 2, column: 1 });
  });

  test('expands aliases through the full parser, with its limit', () => {
    expect(parseYaml('a: &x [1, 2]\nb: *x\n').data).toEqual({ a: [1, 2], b: [1, 2] });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    const refused = parseYaml(bomb, 3);
    expect(refused.data).toBeUndefined();
    expect(refused.errors[0]?.place.start.line).toBe(3);
    expect(refused.errors[0]?.reason).toMatch(/alias/i);
  });
});

describe('takeYamlData', () => {
  test('hands over what parseYaml read, once, then parses again', () => {
    const text = 'name: Taken once\n';
    parseYaml(text);
    expect(takeYamlData(text)).toEqual({ data: { name: 'Taken once' } });
    expect(takeYamlData(text)).toEqual({ data: { name: 'Taken once' } });
  });

  test('is undefined for a text with errors', () => {
    expect(takeYamlData('a: [\n')).toBeUndefined();
  });
});
