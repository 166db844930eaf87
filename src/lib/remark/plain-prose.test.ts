import { randomLcg } from 'd3-random';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, test } from 'vitest';
import { plainParagraphs } from '../graph/interaction/plain-text.ts';
import { markdownBlocks } from '../search/records.ts';
import { parsedBlockTexts } from './parse.ts';
import { plainBlocks, plainWikilinks } from './plain-prose.ts';
import { findWikilinks, type WikilinkRef } from './wikilinks.ts';

/** Pieces a generated body is made of: words, wikilinks of every form, and syntax of every kind. */
const WORDS = ['the', 'harbour', 'Ørsted', 'مجلس', '東京日報', 'talks', 'on', '2031.', 'of', '😀'];
const WIKILINKS = [
  '[[alpha]]',
  '[[event:meeting]]',
  '[[actor:beta|the Betans]]',
  '[[ gamma | shown ]]',
  '[[alpha|]]',
  '[[alpha',
  '[[[alpha]]]',
  '[[a]][[b]]',
];
const SYNTAX = [
  '*',
  '_',
  '`',
  '``',
  '<b>',
  '<!-- x -->',
  '\\',
  '&amp;',
  '&#91;',
  '~~',
  '![x]',
  '](/u)',
  '[x]',
  '[x][y]',
  '[alpha]: /url',
  '[^1]',
  'http://example.com',
  'www.example.com',
  'a@b.co',
  '|',
  '"',
  '(',
  '\t',
  '\r\n',
  '  \n',
];
const LINE_STARTS = [
  '',
  '',
  '',
  '# ',
  '## ',
  '- ',
  '+ ',
  '* ',
  '1. ',
  '12) ',
  '> ',
  '    ',
  '   ',
  ' ',
  '```\n',
  '~~~\n',
  '---\n',
  '===\n',
  '| a | b |\n| - | - |\n',
  ':-- | --:\n',
  '[^1]: note\n',
  '- [ ] ',
];

/** `count` seeded bodies of a few lines, mostly words and wikilinks, with syntax sprinkled in. */
function bodies(count: number, seed: number): string[] {
  const random = randomLcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const lines: string[] = [];
    const lineCount = 1 + Math.floor(random() * 5);
    const syntaxShare = random() < 0.5 ? 0 : 0.08;
    for (let l = 0; l < lineCount; l++) {
      if (random() < 0.2) {
        lines.push('');
        continue;
      }
      const parts: string[] = [];
      const length = 1 + Math.floor(random() * 8);
      for (let p = 0; p < length; p++) {
        const roll = random();
        parts.push(roll < syntaxShare ? pick(SYNTAX) : roll < 0.3 ? pick(WIKILINKS) : pick(WORDS));
      }
      const start = random() < 0.15 ? pick(LINE_STARTS) : '';
      lines.push(start + parts.join(random() < 0.9 ? ' ' : ''));
    }
    out.push(lines.join('\n') + (random() < 0.5 ? '\n' : ''));
  }
  return out;
}

const GENERATED = bodies(6000, 7);
const name = (ref: WikilinkRef) => (ref.id === 'alpha' ? 'Alpha' : undefined);

describe('plainWikilinks', () => {
  test('finds what the parser finds, where it finds it, in every body it takes', () => {
    let taken = 0;
    for (const body of GENERATED) {
      const fast = plainWikilinks(body);
      if (fast === undefined) continue;
      taken += 1;
      expect(fast, body).toEqual(findWikilinks(fromMarkdown(body), body));
    }
    // Worth checking only if the generator makes plenty of bodies it takes, and plenty it leaves.
    expect(taken).toBeGreaterThan(GENERATED.length * 0.3);
    expect(taken).toBeLessThan(GENERATED.length * 0.9);
  });

  test('the parser path places every link where its `[[` stands, in every generated body', () => {
    let links = 0;
    for (const body of GENERATED) {
      const lines = body.split('\n');
      for (const link of findWikilinks(fromMarkdown(body), body)) {
        links += 1;
        expect(lines[link.line - 1]?.slice(link.column - 1).startsWith('[['), body).toBe(true);
      }
    }
    expect(links).toBeGreaterThan(1000);
  });

  test('reads lines and columns across paragraphs, headings and list items', () => {
    const body =
      'One [[alpha]] here.\nAnd [[event:meeting|it]].\n\n# About [[beta]]\n- [[gamma]]\n';
    expect(plainWikilinks(body)).toEqual([
      { type: 'actor', id: 'alpha', line: 1, column: 5 },
      { type: 'event', id: 'meeting', text: 'it', line: 2, column: 5 },
      { type: 'actor', id: 'beta', line: 4, column: 9 },
      { type: 'actor', id: 'gamma', line: 5, column: 3 },
    ]);
  });

  test('leaves bodies with code, HTML, escapes or indented lines to the parser', () => {
    for (const body of [
      '`[[alpha]]`',
      '<i>[[alpha]]</i>',
      '\\[[alpha]]',
      '    [[alpha]]',
      'text\n  [[alpha]]',
      '> [[alpha]]',
      '[x]: /u\n[[alpha]]',
      '*[[alpha]]*',
    ]) {
      expect(plainWikilinks(body), body).toBeUndefined();
    }
  });
});

describe('plainBlocks', () => {
  test('gives the panel and search the paragraphs the parser gives, in every body it takes', () => {
    let taken = 0;
    for (const body of GENERATED) {
      if (body.trim() === '' || plainBlocks(body) === undefined) continue;
      taken += 1;
      const normal = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim());
      expect(normal(plainBlocks(body) ?? []), body).toEqual(normal(parsedBlockTexts(body, 'rows')));
      // The panel's text: a trailing HTML comment (no words) sends the same paragraphs through the parser.
      const parsed = `${body}\n\n<!-- parsed -->`;
      expect(plainParagraphs(body, name), body).toEqual(plainParagraphs(parsed, name));
      const searchName = (target: string) => (target === 'alpha' ? 'Alpha' : undefined);
      expect(markdownBlocks(body, searchName), body).toEqual(markdownBlocks(parsed, searchName));
    }
    expect(taken).toBeGreaterThan(GENERATED.length * 0.2);
  });

  test('splits paragraphs on empty lines', () => {
    expect(plainBlocks('\nFirst line\nsecond line\n\n\nNext [[alpha]].\n')).toEqual([
      'First line\nsecond line',
      'Next [[alpha]].',
    ]);
  });

  test('leaves every other kind of block to the parser', () => {
    for (const body of [
      '# Heading',
      'Title\n===',
      'Title\n---',
      '- item',
      '1. item',
      '2031) item',
      'a | b\n:-- | --:',
      '> quote',
      '[^1]: note',
      '😀 first',
    ]) {
      expect(plainBlocks(body), body).toBeUndefined();
    }
  });
});
