import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { splitFrontmatter } from '../model/frontmatter.ts';
import { type KnownIds, scaffoldEntry } from './scaffold.ts';

const known: KnownIds = {
  articles: new Set(['report']),
  actors: new Set(['alpha', 'beta']),
  events: new Set(['meeting']),
  relations: new Set(['alpha-urges-beta']),
  kinds: new Set(['urges', 'allies-with']),
};

function frontmatter(text: string): Record<string, unknown> {
  return parse(splitFrontmatter(text).yaml ?? '') as Record<string, unknown>;
}

describe('scaffoldEntry', () => {
  test('names a relation after its parts and fills the fields', () => {
    const result = scaffoldEntry(
      { type: 'relation', from: 'beta', kind: 'urges', to: 'alpha' },
      known,
    );
    expect(result.ok && result.path).toBe('relations/beta-urges-alpha.md');
    expect(result.ok && frontmatter(result.text)).toEqual({
      from: 'beta',
      to: 'alpha',
      kind: 'urges',
      articles: [],
      evidence: [],
    });
  });

  test('refuses a duplicate and unknown ids, with suggestions', () => {
    const result = scaffoldEntry(
      { type: 'relation', from: 'alpha', kind: 'urgs', to: 'betta' },
      known,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        'Unexpected `betta` in `to`, expected an id from content/actors/; did you mean `beta`?',
        'Unexpected `urgs` in `kind`, expected an id from content/relation-kinds.yaml; did you mean `urges`?',
      ],
    });
    const duplicate = scaffoldEntry(
      { type: 'relation', from: 'alpha', kind: 'urges', to: 'beta' },
      known,
    );
    expect(duplicate).toEqual({
      ok: false,
      errors: ['Unexpected duplicate: content/relations/alpha-urges-beta.md exists already'],
    });
  });

  test('quotes YAML-unsafe names and slugs accented ones', () => {
    const result = scaffoldEntry(
      { type: 'actor', name: 'Ørsted: Harbour #1', kind: 'organization' },
      known,
    );
    expect(result.ok && result.id).toBe('orsted-harbour-1');
    expect(result.ok && frontmatter(result.text)).toMatchObject({
      name: 'Ørsted: Harbour #1',
      kind: 'organization',
      aliases: [],
    });
  });

  test('checks event dates and actors', () => {
    const bad = scaffoldEntry(
      { type: 'event', title: 'T', date: '2022-02-30', actors: ['alpa'] },
      known,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join('\n')).toMatch(/28 days[\s\S]*did you mean `alpha`/);
    const good = scaffoldEntry(
      { type: 'event', title: 'Talks', date: '2022-01', actors: ['alpha'] },
      known,
    );
    expect(good.ok && frontmatter(good.text)).toMatchObject({
      title: 'Talks',
      date: '2022-01',
      actors: ['alpha'],
      kind: 'other',
    });
  });

  test('makes an article with a publication date', () => {
    const result = scaffoldEntry(
      { type: 'article', title: 'A headline', published: '2022-02-05', publisher: 'Gazette' },
      known,
    );
    expect(result.ok && frontmatter(result.text)).toMatchObject({
      title: 'A headline',
      source: { publisher: 'Gazette', published: '2022-02-05' },
    });
  });
});
