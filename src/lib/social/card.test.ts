import { describe, expect, test } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import { measureText } from '../text/measure.ts';
import {
  articleCardInput,
  buildCardSvg,
  defaultCardId,
  fitHeadline,
  siteCardInput,
  wrapText,
} from './card.ts';
import { article, date, SCRIPT_BREAKOUT } from './fixtures.ts';

const input = {
  eyebrow: 'Port Watch',
  headline: 'Norland presses Southland over the harbour',
  footer: 'Bay Courier · 10 May 2031',
  seed: 'port-talks',
};

/** Text content of every `<text>` element, in order. */
function texts(svg: string): string[] {
  const out: string[] = [];
  const visit = (node: ReturnType<typeof fromXml>['children'][number]): void => {
    if (node.type !== 'element') return;
    if (node.name === 'text') {
      out.push(node.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
      return;
    }
    for (const child of node.children) visit(child);
  };
  for (const child of fromXml(svg).children) visit(child);
  return out;
}

describe('wrapText', () => {
  test('breaks between words so no line is wider than the limit', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 40, 300);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, 40)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
  });

  test('cuts a word longer than a line into pieces that each fit', () => {
    const word = 'x'.repeat(60);
    const lines = wrapText(`a ${word} b`, 20, 200);
    for (const line of lines) expect(measureText(line, 20)).toBeLessThanOrEqual(200);
    expect(lines.join('').replace(/\s/g, '')).toBe(`a${word}b`);
  });

  test('counts the width factor of a wider font', () => {
    const text = 'alpha beta gamma delta epsilon';
    expect(wrapText(text, 40, 500, 1.2).length).toBeGreaterThanOrEqual(
      wrapText(text, 40, 500).length,
    );
  });
});

describe('fitHeadline', () => {
  test('keeps a short headline large on one or two lines', () => {
    const fit = fitHeadline('Port closes');
    expect(fit.fontSize).toBe(72);
    expect(fit.lines).toEqual(['Port closes']);
  });

  test('shrinks a long headline and ends an overlong one with an ellipsis', () => {
    const long = 'word '.repeat(40).trim();
    const fit = fitHeadline(long);
    expect(fit.fontSize).toBe(48);
    expect(fit.lines.at(-1)).toMatch(/…$/);
    const medium = fitHeadline(
      'US urges Japan to consider introducing sanctions against Russia over Ukraine',
    );
    expect(medium.fontSize).toBeLessThan(72);
    expect(medium.lines.join(' ')).toBe(
      'US urges Japan to consider introducing sanctions against Russia over Ukraine',
    );
  });
});

describe('buildCardSvg', () => {
  test('is a 1200×630 SVG with the eyebrow, the wrapped headline and the footer', () => {
    const svg = buildCardSvg(input);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="630"/);
    expect(texts(svg)).toEqual(['Port Watch', ...fitHeadline(input.headline).lines, input.footer]);
  });

  test('escapes author text so the SVG stays well-formed and inert', () => {
    const svg = buildCardSvg({
      ...input,
      headline: `Tom & Jerry ${SCRIPT_BREAKOUT}`,
      eyebrow: '"Quotes" <b>',
      footer: 'A\u0000B',
    });
    expect(svg).not.toContain('<script');
    const shown = texts(svg);
    expect(shown[0]).toBe('"Quotes" <b>');
    expect(shown.slice(1, -1).join(' ')).toContain('Tom & Jerry </script><script>alert(1)');
    expect(shown.at(-1)).toBe('AB');
  });

  test('draws the same motif for the same seed and another for another seed', () => {
    expect(buildCardSvg(input)).toBe(buildCardSvg(input));
    expect(buildCardSvg(input)).not.toBe(buildCardSvg({ ...input, seed: 'other' }));
  });

  test('leaves the footer out when there is none', () => {
    expect(texts(buildCardSvg({ ...input, footer: undefined }))).toHaveLength(
      1 + fitHeadline(input.headline).lines.length,
    );
  });
});

describe('defaultCardId', () => {
  test('is `default` unless an article already has that id', () => {
    expect(defaultCardId(['a', 'b'])).toBe('default');
    expect(defaultCardId(['default', 'default-2'])).toBe('default-3');
  });
});

describe('articleCardInput', () => {
  const site = { title: 'Port Watch', description: 'Made-up news.', language: 'en' };

  test('names the publisher and the authored calendar day, not the UTC day', () => {
    const late = article('late', {
      source: { publisher: 'Bay Courier', via: [], published: date('2031-05-10T00:30+05:30') },
    });
    expect(articleCardInput(late, site)).toEqual({
      eyebrow: 'Port Watch',
      headline: 'Title of late',
      footer: 'Bay Courier · 10 May 2031',
      seed: 'late',
    });
  });

  test('keeps a month-precise date as the month', () => {
    const month = article('m', { source: { publisher: 'P', via: [], published: date('2030-04') } });
    expect(articleCardInput(month, site).footer).toBe('P · April 2030');
  });

  test('gives other pages the site title and description', () => {
    expect(siteCardInput(site)).toMatchObject({ eyebrow: 'Port Watch', headline: 'Made-up news.' });
  });
});
