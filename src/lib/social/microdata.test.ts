import { describe, expect, test } from 'vitest';
import { actor, SCRIPT_BREAKOUT, urlFor } from './fixtures.ts';
import { buildActorJsonLd } from './json-ld.ts';
import { type MicrodataNode, toMicrodata } from './microdata.ts';

describe('toMicrodata', () => {
  test('turns a typed node into an item with its type URL and id, dropping @context', () => {
    const item = toMicrodata({
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      '@id': 'https://example.org/',
      name: 'Site',
    });
    expect(item).toEqual({
      kind: 'item',
      prop: undefined,
      type: 'https://schema.org/WebSite',
      id: 'https://example.org/',
      children: [{ kind: 'meta', prop: 'name', content: 'Site' }],
    });
  });

  test('repeats the property for each list entry and nests objects as items', () => {
    const item = toMicrodata({
      '@type': 'Person',
      alternateName: ['Ada', 'A.'],
      affiliation: { '@type': 'Country', name: 'Norland' },
    });
    expect(item.kind === 'item' && item.children).toEqual([
      { kind: 'meta', prop: 'alternateName', content: 'Ada' },
      { kind: 'meta', prop: 'alternateName', content: 'A.' },
      {
        kind: 'item',
        prop: 'affiliation',
        type: 'https://schema.org/Country',
        id: undefined,
        children: [{ kind: 'meta', prop: 'name', content: 'Norland' }],
      },
    ]);
  });

  test('uses a link for an http(s) URL property and text for anything else', () => {
    const item = toMicrodata({
      '@type': 'NewsArticle',
      url: 'https://example.org/a/',
      isBasedOn: 'javascript:alert(1)',
      headline: 'https://not-a-url-property.example/',
      position: 2,
      isAccessibleForFree: true,
      about: null,
    });
    expect(item.kind === 'item' && item.children).toEqual([
      { kind: 'link', prop: 'url', href: 'https://example.org/a/' },
      { kind: 'meta', prop: 'isBasedOn', content: 'javascript:alert(1)' },
      { kind: 'meta', prop: 'headline', content: 'https://not-a-url-property.example/' },
      { kind: 'meta', prop: 'position', content: '2' },
      { kind: 'meta', prop: 'isAccessibleForFree', content: 'true' },
    ]);
  });

  test('keeps author text as it is: the template escapes it in the attribute', () => {
    const person = actor('p', SCRIPT_BREAKOUT, 'person');
    const item = toMicrodata(buildActorJsonLd({ actor: person, urlFor }));
    const values = (node: MicrodataNode): string[] =>
      node.kind === 'item'
        ? node.children.flatMap(values)
        : [node.kind === 'meta' ? node.content : node.href];
    expect(values(item)).toContain(SCRIPT_BREAKOUT);
  });
});
