/**
 * Hostile content: a story whose every free-text field carries XSS payloads
 * (tests/helpers/hostile.ts) builds, and nothing an author wrote runs in a
 * reader's browser — not on load, not on hover, click, keys or search. The
 * built files hold no script but the site's own, no event-handler attribute
 * and no `javascript:` URL, and the data exports stay well-formed. The
 * sources themselves hold no `set:html` and no HTML-string DOM API.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { BrowserContext } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { fromTemplateText } from '../src/lib/view/template-text.ts';
import { buildSite } from './helpers/build.ts';
import { useDiagram, useHeaderSearch, useTimeline } from './helpers/exercise.ts';
import { collect, consoleErrors, type GuardReport, guardContext } from './helpers/guard.ts';
import { type HostileStory, PAYLOADS, writeHostileStory } from './helpers/hostile.ts';
import { siteInBrowser } from './helpers/site.ts';

/** The site's own data blocks: a `<template>` whose text is a component's JSON payload. */
const PAYLOAD_ATTRIBUTES = ['dataGraphPayload', 'dataTimelinePayload'];
/** Elements no author text may produce. */
const FORBIDDEN_ELEMENTS = new Set([
  'iframe',
  'object',
  'embed',
  'base',
  'form',
  'template',
  'noscript',
  'math',
  'frame',
  'frameset',
  'applet',
]);
/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'data',
  'poster',
  'srcSet',
  'xLinkHref',
  'cite',
  'background',
  'longDesc',
]);
const SPACE = 0x20;
const DELETE = 0x7f;
const LAST_C1_CONTROL = 0x9f;
/** A URL that runs or embeds code, whatever the case or the control characters inside. */
const UNSAFE_URL = /^(javascript|vbscript|data):/i;

let story: HostileStory;
let dist: string;

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'dramatis-hostile-'));
  story = await writeHostileStory(path.join(root, 'content'));
  const outcome = await buildSite(story.dir, {}, path.join(root, 'dist'));
  if (outcome.code !== 0)
    throw new Error(`hostile build failed (exit ${outcome.code}):\n${outcome.stderr.slice(-4000)}`);
  dist = outcome.outDir;
});

// After the build above: serves what it built.
const site = siteInBrowser(() => dist);

/** Every file under the built site with one of `extensions`, relative to it. */
async function builtFiles(...extensions: string[]): Promise<string[]> {
  const all = await readdir(dist, { recursive: true });
  return all.filter((f) => extensions.some((ext) => f.endsWith(ext))).sort();
}

/** Attribute value as text (hast keeps lists for some). */
function value(v: unknown): string {
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** A URL as a browser reads its scheme: without the spaces and control characters it skips. */
function urlAsRead(text: string): string {
  return [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code > SPACE && !(code >= DELETE && code <= LAST_C1_CONTROL);
    })
    .join('');
}

/** One of the site's payload templates: a payload attribute (and Astro's style scope) and only text inside. */
function isPayload(node: Element): boolean {
  if (node.tagName !== 'template') return false;
  const names = Object.keys(node.properties ?? {}).filter((n) => !n.startsWith('dataAstroCid'));
  const content = node.content?.children ?? [];
  return (
    names.length === 1 &&
    PAYLOAD_ATTRIBUTES.includes(names[0] ?? '') &&
    content.every((c) => c.type === 'text')
  );
}

/** The JSON text of a payload template. */
function payloadText(node: Element): string {
  return fromTemplateText(
    (node.content?.children ?? []).map((c) => (c.type === 'text' ? c.value : '')).join(''),
  );
}

/** What in a page could run author code, one line per finding. */
function unsafeMarkup(tree: Root, file: string): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const props = node.properties ?? {};
    if (node.tagName === 'script') {
      // The only scripts a page may hold: Astro's bundles. Data travels in <template> payloads.
      const type = value(props.type ?? '');
      const src = value(props.src ?? '');
      const bundled = type === 'module' && /^\/_astro\/[\w.-]+\.js$/.test(src);
      if (!bundled) found.push(`${file}: <script type="${type}" src="${src}">`);
    }
    if (FORBIDDEN_ELEMENTS.has(node.tagName) && !isPayload(node))
      found.push(`${file}: <${node.tagName}>`);
    if (
      node.tagName === 'meta' &&
      props.httpEquiv &&
      value(props.httpEquiv).toLowerCase() !== 'content-security-policy'
    )
      found.push(`${file}: <meta http-equiv="${value(props.httpEquiv)}">`);
    // A microdata <link itemprop> without rel loads nothing; any other link to elsewhere would.
    const inert = props.itemProp !== undefined && props.rel === undefined;
    if (
      node.tagName === 'link' &&
      /^(https?:)?\/\//i.test(value(props.href ?? '')) &&
      value(props.rel) !== 'canonical' &&
      !inert
    )
      found.push(`${file}: <link href="${value(props.href)}"> to another origin`);
    for (const [name, raw] of Object.entries(props)) {
      if (/^on/i.test(name)) found.push(`${file}: <${node.tagName} ${name}>`);
      if (name === 'style') found.push(`${file}: <${node.tagName} style>`);
      const text = urlAsRead(value(raw));
      if (URL_ATTRIBUTES.has(name) && UNSAFE_URL.test(text))
        found.push(`${file}: <${node.tagName} ${name}="${text.slice(0, 40)}">`);
    }
  });
  return found;
}

describe('the built files', () => {
  test('hold no script but the site’s own, no handler attribute, no unsafe URL, no embedding element', async () => {
    const pages = await builtFiles('.html');
    expect(pages.length).toBeGreaterThan(PAYLOADS.length);
    const found: string[] = [];
    for (const file of pages)
      found.push(...unsafeMarkup(fromHtml(await readFile(path.join(dist, file), 'utf8')), file));
    expect(found).toEqual([]);
  });

  test('show the payloads as text, exactly as written', async () => {
    // Not vacuous: the hostile text is on the pages, inert.
    const tree = fromHtml(
      await readFile(path.join(dist, 'actors', story.actors[0] ?? '', 'index.html'), 'utf8'),
    );
    let heading = '';
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h1')
        visit(node, 'text', (t) => {
          heading += t.value;
        });
    });
    expect(heading.trim()).toBe(PAYLOADS[0]);
  });

  test('every payload parses and holds the author text exactly, so no text broke out of it', async () => {
    let blocks = 0;
    const names = new Set<string>();
    for (const file of await builtFiles('.html')) {
      const tree = fromHtml(await readFile(path.join(dist, file), 'utf8'));
      visit(tree, 'element', (node: Element) => {
        if (!isPayload(node)) return;
        const data = JSON.parse(payloadText(node)) as { nodes?: { name: string }[] };
        for (const n of data.nodes ?? []) names.add(n.name);
        blocks += 1;
      });
    }
    expect(blocks).toBeGreaterThan(PAYLOADS.length);
    // Every actor's name (a payload each) comes back unchanged from the escaped template text.
    expect(PAYLOADS.filter((p) => !names.has(p))).toEqual([]);
  });

  test('structured data holds author text in attributes only, exactly as written', async () => {
    const tree = fromHtml(
      await readFile(path.join(dist, 'actors', story.actors[0] ?? '', 'index.html'), 'utf8'),
    );
    const names: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'script' && value(node.properties?.type) === 'application/ld+json')
        throw new Error('a JSON-LD script is back');
      if (node.tagName === 'meta' && node.properties?.itemProp !== undefined)
        if (value(node.properties.itemProp) === 'name') names.push(value(node.properties.content));
    });
    expect(names[0]).toBe(PAYLOADS[0]);
  });

  test('the JSON exports parse and keep the author text', async () => {
    const files = (await builtFiles('.json')).filter((f) => f.startsWith('data/'));
    expect(files).toEqual(expect.arrayContaining(['data/all.json', 'data/schema.json']));
    const all = JSON.parse(await readFile(path.join(dist, 'data/all.json'), 'utf8')) as {
      actors: { id: string; name: string }[];
    };
    expect(all.actors).toHaveLength(PAYLOADS.length);
    expect(all.actors.find((a) => a.id === story.actors[24])?.name).toBe(PAYLOADS[24]);
    for (const file of files) {
      const text = await readFile(path.join(dist, file), 'utf8');
      expect(() => JSON.parse(text), file).not.toThrow();
    }
  });

  test('the CSV exports are RFC 4180 with one row per entry and no live formula', async () => {
    const expected = {
      'data/actors.csv': PAYLOADS.length,
      'data/relations.csv': PAYLOADS.length,
      'data/events.csv': PAYLOADS.length,
    };
    for (const [file, count] of Object.entries(expected)) {
      const rows = parseCsv(await readFile(path.join(dist, file), 'utf8'));
      expect(rows, file).toHaveLength(count + 1);
      const width = rows[0]?.length;
      for (const row of rows) expect(row, file).toHaveLength(width ?? 0);
      // A spreadsheet runs a cell that starts with = + @ (or - and not a number): every one is guarded.
      const live = rows.flat().filter((cell) => /^[=+@\t\r]|^-(?!\d)/.test(cell));
      expect(live, file).toEqual([]);
    }
    const actors = parseCsv(await readFile(path.join(dist, 'data/actors.csv'), 'utf8'));
    const formula = PAYLOADS.find((p) => p.startsWith('=')) ?? '';
    expect(actors.map((row) => row[1])).toContain(`'${formula}`);
  });

  test('the GEXF, feed and sitemap are well-formed XML with the text escaped', async () => {
    const gexf = fromXml(await readFile(path.join(dist, 'data/graph.gexf'), 'utf8'));
    expect(elements(gexf, 'node')).toHaveLength(PAYLOADS.length);
    expect(elements(gexf, 'edge')).toHaveLength(PAYLOADS.length);
    expect(elements(gexf, 'node').map((n) => n.attributes.label)).toContain(PAYLOADS[31]);
    const feed = fromXml(await readFile(path.join(dist, 'feed.xml'), 'utf8'));
    expect(elements(feed, 'entry')).toHaveLength(story.articles.length);
    const sitemap = fromXml(await readFile(path.join(dist, 'sitemap.xml'), 'utf8'));
    expect(elements(sitemap, 'url').length).toBeGreaterThan(PAYLOADS.length);
  });
});

/** Source files whose text is checked for HTML-string sinks. */
const SOURCE = /\.(astro|ts)$/;
/** In a component: author text set as raw HTML. */
const SET_HTML = /\bset:html\s*=/;
/** In a script: DOM APIs that parse a string as HTML. */
const HTML_SINK =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|document\.write(ln)?)\b|\bsetHTMLUnsafe\b/;

/** Source text without its comments (which may name the APIs they forbid). */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
}

/** The lines of a source file that turn a string into HTML, as `file:line text`. */
function htmlSinks(file: string, source: string): string[] {
  const pattern = file.endsWith('.astro')
    ? new RegExp(`${SET_HTML.source}|${HTML_SINK.source}`)
    : HTML_SINK;
  return withoutComments(source)
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1} ${line.trim()}`] : []));
}

describe('the sources', () => {
  test('no component uses set:html and no script builds DOM from an HTML string', async () => {
    const files = (await readdir('src', { recursive: true }))
      .filter((f) => SOURCE.test(f) && !f.endsWith('.test.ts'))
      .sort();
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of files)
      found.push(...htmlSinks(file, await readFile(path.join('src', file), 'utf8')));
    expect(found).toEqual([]);
  });

  test('the scan catches each sink, but not a comment naming it', () => {
    // Guards the scan: each of these lines must be reported.
    const component = '<p set:html={text} />\n<script type="application/json" set:html = {json} />';
    expect(htmlSinks('x.astro', component)).toHaveLength(2);
    const script = [
      'el.innerHTML = text;',
      'el.outerHTML = text;',
      "el.insertAdjacentHTML('beforeend', text);",
      'range.createContextualFragment(text);',
      'document.write(text);',
      '/** Never innerHTML: textContent only. */',
      '// nor outerHTML',
      'el.textContent = text; // not innerHTML',
    ].join('\n');
    expect(htmlSinks('x.ts', script)).toHaveLength(5);
  });
});

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF rows); throws on a stray quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        if (!/^(,|\r\n|$)/.test(text.slice(i, i + 2))) throw new Error(`stray quote at ${i}`);
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '"') throw new Error(`quote inside an unquoted cell at ${i}`);
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else if (ch === '\n' || ch === '\r')
      throw new Error(`bare line break outside quotes at ${i}`);
    else cell += ch;
    i += 1;
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Every XML element named `name`. */
function elements(tree: XmlRoot, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  visit(tree, 'element', (node: XmlElement) => {
    if (node.name === name) found.push(node);
  });
  return found;
}

/** Elements of each kind hovered per page: enough to show labels and tooltips of hostile text. */
const HOVERS = 6;

/** Author-written relative image paths (`<img src=x>`): harmless, they just 404. */
const AUTHOR_IMAGE = /\/x$/;

describe('in the browser', () => {
  let context: BrowserContext;
  let report: GuardReport;

  beforeAll(async () => {
    context = await site.browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    report = await guardContext(context);
  });

  afterAll(async () => {
    await context?.close();
  });

  beforeEach(() => {
    for (const list of Object.values(report)) list.splice(0);
  });

  /** Nothing ran, nothing was blocked, nothing failed but author images and the 404 page. */
  function expectClean(notFound?: string): void {
    expect(report.dialogs).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(consoleErrors(report)).toEqual([]);
    const failed = report.failed.filter((f) => !AUTHOR_IMAGE.test(f) && f !== `404 ${notFound}`);
    expect(failed).toEqual([]);
  }

  test('the tripwire trips: a dialog and the static check are seen', async () => {
    // Guards the guards: were a payload to run, these are what would catch it.
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.evaluate(() => window.alert('x'));
    expect((await collect(page, report)).pwned).toBe('alert(x)');
    expect(report.dialogs).toEqual(['alert: x']);
    await page.close();
    const bad = fromHtml(
      '<p onclick="x"><a href=" java\tscript:x">a</a><script>x</script><iframe></iframe><svg><a xlink:href="javascript:x"></a></svg></p>',
    );
    expect(unsafeMarkup(bad, 'bad.html')).toHaveLength(5);
  });

  test('every page type, and actors named by every kind of payload, load and nothing runs', async () => {
    // Handler attributes cannot be on any page (see above); this catches what runs on load.
    const routes = [
      '',
      'actors/',
      'graph/',
      'timeline/',
      'no-such-page/',
      ...story.articles.map((id) => `articles/${id}/`),
      ...story.actors.filter((_, i) => i % 5 === 0).map((id) => `actors/${id}/`),
    ];
    const page = await context.newPage();
    const pwned: string[] = [];
    for (const route of routes) {
      await page.goto(site.server.url + route);
      const { pwned: hit } = await collect(page, report);
      if (hit !== undefined) pwned.push(`${route}: ${String(hit)}`);
    }
    await page.close();
    expect(pwned).toEqual([]);
    expectClean(`${site.server.url}no-such-page/`);
  });

  test.each([
    ['article', () => `articles/${story.articles[0]}/`],
    ['graph', () => 'graph/'],
    ['timeline', () => 'timeline/'],
    ['actor', () => `actors/${story.actors[24]}/`],
  ])('%s: the diagram, timeline and search are used and nothing runs', async (_name, route) => {
    const page = await context.newPage();
    await page.goto(site.server.url + route());
    // Hover over the first few nodes, edges and marks: labels and tooltips show author text.
    for (const selector of ['[data-actor] circle', '[data-relation] path', '[data-event] .mark']) {
      for (const target of (await page.locator(selector).all()).slice(0, HOVERS)) {
        if (await target.isVisible())
          await target.hover({ timeout: 500, force: true }).catch(() => undefined);
      }
    }
    await useDiagram(page, 'script');
    await useTimeline(page);
    expect(await useHeaderSearch(page, 'pwned')).toBeGreaterThan(0);
    const { pwned } = await collect(page, report);
    await page.close();
    expect(pwned).toBeUndefined();
    expectClean();
  });
});
