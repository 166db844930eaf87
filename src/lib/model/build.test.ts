import { describe, expect, test } from 'vitest';
import { buildStory } from './build.ts';
import { type Diagnostic, formatDiagnostics, hasErrors } from './diagnostics.ts';
import { makeContent } from './test-content.ts';

/** `file line:column rule reason` lines, easy to read in a failing assertion. */
function lines(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.file} ${d.place.start.line}:${d.place.start.column} ${d.ruleId} ${d.reason}`,
  );
}

describe('buildStory', () => {
  test('builds a valid story with no diagnostics', () => {
    const { story, diagnostics } = buildStory(makeContent());
    expect(diagnostics).toEqual([]);
    expect(story.actors.map((a) => a.id)).toEqual(['alpha', 'beta', 'wire']);
    expect(story.relations[0]?.since?.precision).toBe('month');
    expect(story.events[0]?.date).toMatchObject({ raw: '2020-02', precision: 'month', month: 2 });
    expect(story.articles[0]?.source.published).toMatchObject({
      raw: '2020-03-04',
      precision: 'day',
    });
    expect(story.articles[0]?.mentions).toEqual({ actors: ['alpha', 'beta'], events: ['meeting'] });
    expect(story.kinds.find((k) => k.id === 'allies-with')?.directed).toBe(false);
  });

  test('keeps an unquoted year as a year-precise date', () => {
    const text = '---\ntitle: T\ndate: 2019\nkind: other\nactors: [alpha]\n---\n';
    const { story, diagnostics } = buildStory(makeContent({ events: { yearly: text } }));
    expect(diagnostics).toEqual([]);
    expect(story.events.find((e) => e.id === 'yearly')?.date).toMatchObject({
      raw: '2019',
      precision: 'year',
    });
  });

  test('reports an unknown relation target with its position and a suggestion', () => {
    const text = '---\nfrom: alpha\nto: betta\nkind: urges\n---\n';
    const { diagnostics } = buildStory(makeContent({ relations: { bad: text } }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'content/relations/bad.md',
      place: { start: { line: 3, column: 5 } },
      ruleId: 'unknown-actor',
      severity: 'error',
      hint: 'fix the id, or add content/actors/betta.md',
    });
    expect(diagnostics[0]?.reason).toBe(
      'Unexpected actor `betta` in `to`, expected an id from content/actors/; did you mean `beta`?',
    );
  });

  test('reports an unknown relation kind against relation-kinds.yaml', () => {
    const text = '---\nfrom: alpha\nto: beta\nkind: urgs\n---\n';
    const { diagnostics } = buildStory(makeContent({ relations: { bad: text } }));
    expect(lines(diagnostics)).toEqual([
      'content/relations/bad.md 4:7 unknown-relation-kind Unexpected relation kind `urgs` in `kind`, expected an id from content/relation-kinds.yaml; did you mean `urges`?',
    ]);
  });

  test('checks every cross-reference of events, articles, actors and evidence', () => {
    const event = [
      '---',
      'title: T',
      'date: 2020-01-01',
      'kind: other',
      'actors: [alpha, gamma]',
      'articles: [missing]',
      'evidence:',
      '  - quote: "q"',
      '    article: reprot',
      '---',
      '',
    ].join('\n');
    const article = [
      '---',
      'title: A',
      'summary: S',
      'source:',
      '  publisher: P',
      '  via: [wyre]',
      '  published: 2020-01-01',
      '---',
      '',
    ].join('\n');
    const actor = '---\nname: D\nkind: person\naffiliation: nobody\n---\n';
    const { diagnostics } = buildStory(
      makeContent({ events: { e: event }, articles: { other: article }, actors: { delta: actor } }),
    );
    expect(lines(diagnostics)).toEqual([
      'content/actors/delta.md 4:14 unknown-actor Unexpected actor `nobody` in `affiliation`, expected an id from content/actors/',
      'content/articles/other.md 6:9 unknown-actor Unexpected actor `wyre` in `source.via[0]`, expected an id from content/actors/; did you mean `wire`?',
      'content/events/e.md 5:17 unknown-actor Unexpected actor `gamma` in `actors[1]`, expected an id from content/actors/',
      'content/events/e.md 6:12 unknown-article Unexpected article `missing` in `articles[0]`, expected an id from content/articles/',
      'content/events/e.md 9:14 unknown-article Unexpected article `reprot` in `evidence[0].article`, expected an id from content/articles/; did you mean `report`?',
    ]);
  });

  test('reports an affiliation to the actor itself', () => {
    const { diagnostics } = buildStory(
      makeContent({ actors: { alpha: '---\nname: A\nkind: state\naffiliation: alpha\n---\n' } }),
    );
    expect(lines(diagnostics)).toEqual([
      'content/actors/alpha.md 4:14 self-reference Unexpected `affiliation` to the actor itself',
    ]);
  });

  test('reports an end before its start, with precision: a month may end inside itself', () => {
    const ok = '---\ntitle: T\ndate: 2020-01\nend: 2020-01-15\nkind: other\n---\n';
    const bad = '---\ntitle: T\ndate: 2020-02\nend: 2020-01-31\nkind: other\n---\n';
    const { diagnostics } = buildStory(makeContent({ events: { ok, bad } }));
    expect(lines(diagnostics)).toEqual([
      'content/events/bad.md 4:6 date-order Unexpected `end` `2020-01-31` before `date` `2020-02`, expected the same date or a later one',
    ]);
    const rel = '---\nfrom: alpha\nto: beta\nkind: urges\nsince: 2021\nuntil: 2020-12\n---\n';
    expect(lines(buildStory(makeContent({ relations: { rel } })).diagnostics)).toEqual([
      'content/relations/rel.md 6:8 date-order Unexpected `until` `2020-12` before `since` `2021`, expected the same date or a later one',
    ]);
  });

  test('reports impossible dates with the reason', () => {
    const text = '---\ntitle: T\ndate: 2022-02-30\nend: 2022-13-01\nkind: other\n---\n';
    const { diagnostics } = buildStory(makeContent({ events: { e: text } }));
    expect(diagnostics.map((d) => [d.place.start.line, d.ruleId])).toEqual([
      [3, 'invalid-date'],
      [4, 'invalid-date'],
    ]);
    expect(diagnostics[0]?.reason).toMatch(/^Unexpected `2022-02-30` in `date`: .*28 days/);
    expect(diagnostics[1]?.reason).toMatch(/month 13/);
  });

  test('reports unknown fields with a did-you-mean and the known fields', () => {
    const text = '---\nname: A\nkind: state\naliasses: [X]\n---\n';
    const { diagnostics } = buildStory(makeContent({ actors: { alpha: text } }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      place: { start: { line: 4, column: 1 } },
      ruleId: 'unknown-field',
      reason: 'Unexpected field `aliasses`; did you mean `aliases`?',
    });
    expect(diagnostics[0]?.hint).toContain('`aliases`');
  });

  test('reports missing fields, wrong types and enum values', () => {
    const text = '---\nkind: stat\naliases: Alpha\n---\n';
    const { diagnostics } = buildStory(makeContent({ actors: { alpha: text } }));
    expect(lines(diagnostics)).toEqual([
      'content/actors/alpha.md 2:1 missing-field Missing `name`, expected text',
      'content/actors/alpha.md 2:7 invalid-value Unexpected `stat` in `kind`, expected one of `state`, `person`, `organization`, `media`; did you mean `state`?',
      'content/actors/alpha.md 3:10 invalid-type Unexpected `Alpha` in `aliases`, expected a list',
    ]);
  });

  test('rejects source URLs that are not http(s)', () => {
    const article = [
      '---',
      'title: A',
      'summary: S',
      'source:',
      '  publisher: P',
      '  url: "javascript:alert(1)"',
      '  published: 2020-01-01',
      '---',
      '',
    ].join('\n');
    const { diagnostics } = buildStory(makeContent({ articles: { x: article } }));
    expect(lines(diagnostics)).toEqual([
      'content/articles/x.md 6:8 invalid-value Unexpected `javascript:alert(1)` in `source.url`, expected an absolute `http://` or `https://` URL',
    ]);
  });

  test('reports unknown wikilinks in bodies at their line and column', () => {
    const actor =
      '---\nname: D\nkind: person\n---\nFirst line.\n\nSee [[alpah]] and [[event:meting|the meeting]].\n';
    const { diagnostics } = buildStory(makeContent({ actors: { delta: actor } }));
    expect(lines(diagnostics)).toEqual([
      'content/actors/delta.md 7:5 unknown-actor Unexpected actor `alpah` in wikilink `[[alpah]]`, expected an id from content/actors/; did you mean `alpha`?',
      'content/actors/delta.md 7:19 unknown-event Unexpected event `meting` in wikilink `[[event:meting]]`, expected an id from content/events/; did you mean `meeting`?',
    ]);
  });

  test('ignores wikilink syntax inside code', () => {
    const actor =
      '---\nname: D\nkind: person\n---\nUse `[[nobody]]` like this:\n\n```\n[[nobody]]\n```\n';
    expect(hasErrors(buildStory(makeContent({ actors: { delta: actor } })).diagnostics)).toBe(
      false,
    );
  });

  test('reports YAML syntax errors, bad file names, missing frontmatter and missing files', () => {
    const { diagnostics } = buildStory(
      makeContent(
        {
          actors: {
            broken: '---\nname: [A\nkind: state\n---\n',
            Bad_Name: '---\nname: A\nkind: state\n---\n',
            bare: 'no frontmatter',
          },
        },
        { kinds: null },
      ),
    );
    const rules = diagnostics.map((d) => `${d.file} ${d.ruleId}`);
    expect(rules).toContain('content/actors/Bad_Name.md invalid-id');
    expect(rules).toContain('content/actors/bare.md missing-frontmatter');
    expect(rules).toContain('content/actors/broken.md yaml-syntax');
    expect(rules).toContain('content/relation-kinds.yaml missing-file');
    expect(diagnostics.find((d) => d.ruleId === 'invalid-id')?.hint).toBe(
      'rename it to `bad-name.md`',
    );
  });

  test('points a duplicate relation kind at its first definition', () => {
    const kinds =
      '- id: urges\n  label: urges\n  category: pressure\n- id: urges\n  label: again\n  category: pressure\n';
    const { diagnostics } = buildStory(makeContent({}, { kinds }));
    expect(lines(diagnostics)).toEqual([
      'content/relation-kinds.yaml 4:7 duplicate-id Unexpected duplicate relation kind `urges`, first defined at 1:7',
    ]);
  });

  test('reports an unknown default article in site.yaml', () => {
    const site = 'title: T\ndescription: D\nlanguage: en\ndefaultArticle: reprt\n';
    const { diagnostics } = buildStory(makeContent({}, { site }));
    expect(lines(diagnostics)).toEqual([
      'content/site.yaml 4:17 unknown-article Unexpected article `reprt` in `defaultArticle`, expected an id from content/articles/; did you mean `report`?',
    ]);
  });

  test('collects every problem at once, in file order, and formats them for people', () => {
    const { diagnostics } = buildStory(
      makeContent({
        relations: {
          z: '---\nfrom: nobody\nto: beta\nkind: urges\n---\n',
          a: '---\nfrom: alpha\nto: beta\nkind: nope\n---\n',
        },
      }),
    );
    expect(hasErrors(diagnostics)).toBe(true);
    const report = formatDiagnostics(diagnostics);
    expect(report).toMatchInlineSnapshot(`
      "content/relations/a.md
      4:7-4:11 error Unexpected relation kind \`nope\` in \`kind\`, expected an id from content/relation-kinds.yaml unknown-relation-kind dramatis
        [note]:
          fix the id, or add \`nope\` to content/relation-kinds.yaml

      content/relations/z.md
      2:7-2:13 error Unexpected actor \`nobody\` in \`from\`, expected an id from content/actors/                   unknown-actor         dramatis
        [note]:
          fix the id, or add content/actors/nobody.md

      ✖ 2 errors"
    `);
  });

  test('warns about orphan actors, events without actors, relations without evidence and shared aliases', () => {
    const { diagnostics } = buildStory(
      makeContent({
        actors: { lonely: '---\nname: Lonely\nkind: person\naliases: [alphaland]\n---\n' },
        events: { quiet: '---\ntitle: T\ndate: 2020\nkind: other\n---\n' },
        relations: { bare: '---\nfrom: alpha\nto: beta\nkind: allies-with\n---\n' },
      }),
    );
    expect(hasErrors(diagnostics)).toBe(false);
    expect(
      diagnostics.map((d) => `${d.file} ${d.place.start.line} ${d.severity} ${d.ruleId}`),
    ).toEqual([
      'content/actors/lonely.md 2 warning orphan-actor',
      'content/actors/lonely.md 4 warning shared-alias',
      'content/events/quiet.md 2 warning event-without-actors',
      'content/relations/bare.md 2 warning relation-without-evidence',
    ]);
    expect(diagnostics[1]?.reason).toBe('Unexpected alias `alphaland` shared with actor `alpha`');
  });

  test('warns, with its line in the file, about a body comment left open', () => {
    const body = '---\nname: Alpha\nkind: state\n---\nShown.\n\n<!-- todo\n\nLost text.\n';
    const { diagnostics } = buildStory(makeContent({ actors: { alpha: body } }));
    expect(lines(diagnostics)).toEqual([
      'content/actors/alpha.md 7:1 unclosed-comment Unexpected `<!--` without a closing `-->`: everything after it is hidden from the page',
    ]);
  });

  test('gives no warnings while there are errors', () => {
    const { diagnostics } = buildStory(
      makeContent({ relations: { bare: '---\nfrom: alpha\nto: nobody\nkind: urges\n---\n' } }),
    );
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
