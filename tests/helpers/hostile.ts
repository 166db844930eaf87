/**
 * A hostile story: a valid content folder whose every author-written field
 * carries cross-site-scripting payloads and awkward text — script tags, event
 * handlers, `javascript:`/`data:` URLs, SVG and MathML tricks, `</script>`
 * and `-->` breakouts, template syntax, attribute breakouts, bidi controls,
 * zero-width and control characters, very long strings. Every payload that
 * runs sets `window.__pwned` (or opens a dialog), so a browser test can tell.
 *
 * The story stays valid: ids, dates, kinds and the URL field keep their
 * formats (a value the schema refuses is not the point); everything that is
 * free text carries payloads. Tags are ids (kebab-case) by the schema, so
 * they cannot carry any; the source URL tries a breakout the schema allows.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

/** Sets the tripwire when executed; numbered so a hit names its payload. */
const trip = (n: number) => `window.__pwned=${n}`;

/** Characters that reorder or hide text. */
const BIDI = '\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u202A\u202B\u202C\u202D';
const ZERO_WIDTH = '\u200B\u200C\u200D\u2060\uFEFF';
/** Long enough to overflow any label, line or table cell. */
const LONG_RUN = 4000;

/** The payloads, each a string an author could type. */
export const PAYLOADS: readonly string[] = [
  `<script>${trip(1)}</script>`,
  `<script src="data:text/javascript,${trip(2)}"></script>`,
  `<img src=x onerror="${trip(3)}">`,
  `<svg onload="${trip(4)}"></svg>`,
  `<svg><script>${trip(5)}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${trip(6)}">`,
  `<iframe src="javascript:parent.__pwned=7"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=8</script>"></iframe>`,
  `<object data="javascript:${trip(9)}"></object>`,
  `<embed src="javascript:${trip(10)}">`,
  `<a href="javascript:${trip(11)}">click me</a>`,
  `<a href="JaVaScRiPt:${trip(12)}">click me</a>`,
  `<a href="&#106;avascript:${trip(13)}">click me</a>`,
  `<a href="java\tscript:${trip(14)}">click me</a>`,
  `<a href="data:text/html,<script>${trip(15)}</script>">click me</a>`,
  `[a Markdown link](javascript:${trip(16)})`,
  `![a Markdown image](javascript:${trip(17)})`,
  `<meta http-equiv="refresh" content="0;url=javascript:${trip(18)}">`,
  `<style>body{background:url("javascript:${trip(19)}")}*{display:none}</style>`,
  `<div style="background-image:url(javascript:${trip(20)})">styled</div>`,
  '<base href="https://evil.example/">',
  `<form action="javascript:${trip(22)}"><button>go</button></form>`,
  `<details open ontoggle="${trip(23)}"><summary>s</summary></details>`,
  `<input autofocus onfocus="${trip(24)}">`,
  `" onmouseover="${trip(25)}" x="`,
  `' onmouseover='${trip(26)}' x='`,
  `"><script>${trip(27)}</script>`,
  `</script><script>${trip(28)}</script>`,
  `</SCRIPT ><script>${trip(29)}</script>`,
  `--><script>${trip(30)}</script><!--`,
  `<!--<script>${trip(31)}</script>`,
  `]]><script>${trip(32)}</script><![CDATA[`,
  `{{constructor.constructor('${trip(33)}')()}}`,
  `\${${trip(34)}} #{${trip(34)}} <%= ${trip(34)} %>`,
  `evil${BIDI}gpj.exe \u202Eright-to-left override\u202C`,
  `zero${ZERO_WIDTH}width and soft\u00ADhyphen`,
  'control \u0000nul\u0001\u0007\u001B[31mescape\u007F\u0085 and \uFFFE\uFFFF',
  `${'W'.repeat(LONG_RUN)} long`,
  `<svg><a href="javascript:${trip(39)}"><text x="0" y="10">svg link</text></a></svg>`,
  `<svg><animate onbegin="${trip(40)}" attributeName="x" dur="1s"></animate></svg>`,
  `<svg><set attributeName="onmouseover" to="${trip(41)}"></set></svg>`,
  `<noscript><p title="</noscript><img src=x onerror=${trip(42)}>"></noscript>`,
  `<template><script>${trip(43)}</script></template>`,
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  `<body onload="${trip(45)}">`,
  `javascript:${trip(46)}`,
  `<x-custom onclick="${trip(47)}">custom element</x-custom>`,
  '<site-search data-bundle="data:text/javascript,window.__pwned=48"></site-search>',
  '<template data-graph-payload>{"nodes":[]}</template><script type="application/json" data-graph-payload>{"nodes":[]}</script>',
  '<img name="getElementById"><form id="site-search-input"><input name="value"></form>',
  `<javascript:${trip(51)}> [x](<javascript:${trip(51)}>)`,
  'line\u2028separator\u2029paragraph',
  `%3Cscript%3E${trip(53)}%3C/script%3E`,
  '=HYPERLINK("https://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd',
  '-2+3+cmd',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '&lt;script&gt; already escaped &amp; &#60;b&#62;',
  '<a href="https://example.org/" target="_blank" rel="opener">tabnab</a>',
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${trip(61)}'/></svg>#x"></use></svg>`,
  `<img src="https://evil.example/track.png" alt="tracker"><img srcset="https://evil.example/a.png 2x">`,
];

/** The payload at `i`, wrapping around. */
function payload(i: number): string {
  return PAYLOADS[i % PAYLOADS.length] ?? '';
}

/** Payloads `start`, `start + step`, … joined: spreads all of them over a few fields. */
function every(start: number, step: number): string {
  const parts: string[] = [];
  for (let i = start; i < PAYLOADS.length; i += step) parts.push(payload(i));
  return parts.join(' · ');
}

const CATEGORIES = ['cooperation', 'pressure', 'conflict', 'information', 'structure'] as const;
const ACTOR_KINDS = ['state', 'person', 'organization', 'media'] as const;
const EVENT_KINDS = ['statement', 'meeting', 'report', 'military', 'sanction', 'other'] as const;
/** Articles in the story; the payloads are spread over their fields. */
const ARTICLES = 3;

const actorId = (i: number) => `actor-${i}`;
const articleId = (j: number) => `article-${j}`;
const kindId = (i: number) => `kind-${i}`;

/** A Markdown file: YAML frontmatter (every string quoted and escaped by `yaml`) and a body. */
function markdown(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${stringify(frontmatter, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 })}---\n${body}\n`;
}

/** A Markdown body with every payload: as raw HTML blocks, inline, and as a wikilink's shown text. */
function hostileBody(offset: number, link?: string): string {
  // First, as an unclosed `<!--` below hides the rest of the body (CommonMark HTML blocks):
  // a fenced block, whose highlighting must stay text with no inline style for the CSP to refuse.
  const code = '```js\nconst s = "</script><script>window.__pwned=99</script>";\n```\n';
  const lines = [
    code,
    ...PAYLOADS.map((_, i) => {
      const p = payload(i + offset);
      // Raw HTML on a line of its own is an HTML block; after text it is inline HTML.
      return i % 2 === 0 ? `${p}\n` : `Text before ${p} and after.\n`;
    }),
  ];
  if (link)
    lines.push(`See [[${link}|${payload(offset).replace(/[[\]|\n]/g, '')}]] and [[${link}]].\n`);
  return lines.join('\n');
}

/** What the generator wrote. */
export interface HostileStory {
  dir: string;
  actors: string[];
  articles: string[];
  events: string[];
}

/** Writes the hostile story into `dir` (emptied first). */
export async function writeHostileStory(dir: string): Promise<HostileStory> {
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['actors', 'articles', 'events', 'relations'])
    await mkdir(path.join(dir, folder), { recursive: true });
  const n = PAYLOADS.length;
  const files: Record<string, string> = {};

  files['site.yaml'] = stringify(
    { title: every(0, 2), description: every(1, 2), language: 'en', defaultArticle: articleId(0) },
    { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 },
  );
  files['relation-kinds.yaml'] = stringify(
    PAYLOADS.map((_, i) => ({
      id: kindId(i),
      label: payload(i),
      inverse: payload(i + 1),
      directed: i % 3 !== 0,
      category: CATEGORIES[i % CATEGORIES.length],
    })),
    { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 },
  );

  const articles = Array.from({ length: ARTICLES }, (_, j) => articleId(j));
  articles.forEach((id, j) => {
    files[`articles/${id}.md`] = markdown(
      {
        title: every(j, ARTICLES),
        summary: every((j + 1) % ARTICLES, ARTICLES),
        source: {
          publisher: every((j + 2) % ARTICLES, ARTICLES),
          byline: every(j, ARTICLES),
          via: [actorId(j)],
          // Valid by the schema's own test (http(s), no spaces), and still trying to break out.
          url: `https://example.org/"><script>window.__pwned=${100 + j}</script>?a=1&b='x'`,
          published: `2031-0${j + 1}-1${j}T09:30+02:00`,
        },
        tags: ['hostile', `tag-${j}`],
      },
      hostileBody(j, actorId(j + 1)),
    );
  });

  const actors = PAYLOADS.map((_, i) => actorId(i));
  actors.forEach((id, i) => {
    files[`actors/${id}.md`] = markdown(
      {
        name: payload(i),
        kind: ACTOR_KINDS[i % ACTOR_KINDS.length],
        role: payload(i + 2),
        aliases: [payload(i + 1), payload(i + 3)],
        ...(i > 0 ? { affiliation: actorId(i - 1) } : {}),
      },
      `${payload(i + 4)}\n\n${payload(i + 5)}\n`,
    );
  });

  // A ring of relations, one per kind, each in an article: every actor is in a diagram.
  PAYLOADS.forEach((_, i) => {
    files[`relations/relation-${i}.md`] = markdown(
      {
        from: actorId(i),
        to: actorId((i + 1) % n),
        kind: kindId(i),
        label: payload(i + 6),
        since: `2031-0${(i % 9) + 1}`,
        articles: [articleId(i % ARTICLES)],
        evidence: [
          { quote: payload(i + 7), article: articleId(i % ARTICLES) },
          { quote: payload(i + 8), article: articleId((i + 1) % ARTICLES) },
        ],
      },
      payload(i + 9),
    );
  });

  const events = PAYLOADS.map((_, i) => `event-${i}`);
  events.forEach((id, i) => {
    files[`events/${id}.md`] = markdown(
      {
        title: payload(i + 10),
        date: `2031-0${(i % 9) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
        ...(i % 5 === 0 ? { end: `2031-1${i % 3}` } : {}),
        approximate: i % 4 === 0,
        kind: EVENT_KINDS[i % EVENT_KINDS.length],
        actors: [actorId(i), actorId((i + 3) % n)],
        articles: [articleId(i % ARTICLES)],
        evidence: [{ quote: payload(i + 11), article: articleId(i % ARTICLES) }],
      },
      `${payload(i + 12)}\n\nThe [[event:${id}|${payload(i + 13).replace(/[[\]|\n]/g, '')}]] again.\n`,
    );
  });

  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return { dir, actors, articles, events };
}
