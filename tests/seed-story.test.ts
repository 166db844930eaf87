/**
 * The seed story's own checks: the only test allowed to name seed ids.
 * Content must validate, and every evidence quote must be verbatim from the
 * source article (kept outside the repo in ../shared/seed/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasErrors } from '../src/lib/model/diagnostics.ts';
import { loadStory } from '../src/lib/model/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = path.resolve(ROOT, '../shared/seed/source-article.txt');
const { story, diagnostics } = await loadStory('content', ROOT);

describe('seed story', () => {
  test('validates without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hasErrors(diagnostics)).toBe(false);
  });

  test('has the actors the foundation issue asks for', () => {
    const ids = story.actors.map((a) => a.id);
    for (const id of [
      'united-states',
      'japan',
      'russia',
      'ukraine',
      'european-union',
      'european-council',
      'nato',
      'poland',
      'fumio-kishida',
      'joe-biden',
      'kyodo-news',
      'ani',
      'sputnik',
      'the-new-indian-express',
    ]) {
      expect(ids).toContain(id);
    }
  });

  test('keeps the precision the article gives', () => {
    const byId = new Map(story.events.map((e) => [e.id, e]));
    expect(byId.get('kishida-biden-talks')?.date.precision).toBe('month');
    expect(byId.get('european-council-warns-russia')?.date.precision).toBe('month');
    expect(byId.get('russian-military-buildup')?.end).toBeDefined();
    expect(byId.get('new-indian-express-article')?.date.raw).toBe('2022-02-05T23:10+05:30');
  });

  test.runIf(existsSync(SOURCE))(
    'quotes every piece of evidence verbatim from the source article',
    () => {
      const source = readFileSync(SOURCE, 'utf8');
      const quotes = [...story.events, ...story.relations].flatMap((entry) =>
        entry.evidence.map((e) => ({ file: entry.file, quote: e.quote })),
      );
      expect(quotes.length).toBeGreaterThan(20);
      const missing = quotes.filter((q) => !source.includes(q.quote));
      expect(missing).toEqual([]);
    },
  );
});
