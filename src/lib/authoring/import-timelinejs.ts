/**
 * TimelineJS3 JSON → event entries (`npm run import -- timelinejs`). Pure:
 * takes the JSON text and the ids that exist, returns the files to write and
 * a report of everything left out. HTML in slides becomes plain Markdown
 * through a parsed tree (hast), never through regular expressions.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { isBefore, type PartialDate, parseDate } from '../dates/index.ts';
import { isValidId, slugify } from '../model/ids.ts';
import { EVENT_KINDS, type EventKind } from '../model/types.ts';
import {
  escapeInline,
  escapeLineStart,
  guardWikilinks,
  type ImportFailure,
  type ImportPlan,
  type KnownIds,
  type PlannedEntry,
  scalar,
  shortSlug,
  uniqueId,
} from './scaffold.ts';

/** What the importer needs besides the JSON. */
export interface TimelineImportOptions {
  known: KnownIds;
  /** Article id to list in every imported event's `articles`. */
  article?: string;
}

/** The plan, or why the input is not a TimelineJS3 timeline at all. */
export type TimelineImportResult = ({ ok: true } & ImportPlan) | ImportFailure;

/** Elements whose content is never reader-visible text: dropped whole, and reported. */
const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'video',
  'audio',
  'canvas',
  'input',
  'select',
  'textarea',
  'button',
]);

/** Elements that start a new block (paragraph) of text. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Stands for `<br>` until a block is tidied; HTML parsing turns a real U+0000 into U+FFFD. */
const BREAK = '\u0000';
/** A Markdown hard line break. */
const HARD_BREAK = '\\\n';
/** Link targets kept as links; anything else (`javascript:`, `data:`) keeps only its text. */
const SAFE_URL = /^(?:https?:|mailto:)/i;
/** Whitespace as HTML collapses it (not U+00A0, which authors type on purpose). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

/** A list of things dropped while converting one piece of HTML. */
type Dropped = string[];

/** HTML from a slide as Markdown that shows the same text: paragraphs, lists, quotes, emphasis and http(s) links survive; no HTML does. */
export function htmlToMarkdown(html: string, dropped: Dropped = []): string {
  const tree = fromHtml(html, { fragment: true });
  return guardWikilinks(renderBlocks(tree.children, dropped).join('\n\n'));
}

/** HTML as one line of plain text, entities decoded: for titles. */
export function htmlToText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  return textOf(tree.children).replace(/\s+/g, ' ').trim();
}

function textOf(nodes: readonly (RootContent | ElementContent)[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element' && !DROPPED_ELEMENTS.has(node.tagName)) {
      const gap = node.tagName === 'br' || BLOCK_ELEMENTS.has(node.tagName) ? ' ' : '';
      out += gap + textOf(node.children) + gap;
    }
  }
  return out;
}

function renderBlocks(
  nodes: readonly (RootContent | ElementContent)[],
  dropped: Dropped,
): string[] {
  const blocks: string[] = [];
  let run = '';
  const flush = () => {
    blocks.push(...tidy(run));
    run = '';
  };
  for (const node of nodes) {
    if (node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName)) {
      flush();
      blocks.push(...renderBlock(node, dropped));
    } else {
      run += renderInline(node, dropped);
    }
  }
  flush();
  return blocks;
}

/** Paragraphs from inline Markdown with break markers: one break is a hard break, two or more end the paragraph. */
function tidy(run: string): string[] {
  const paragraphs: string[][] = [[]];
  for (const segment of run.split(BREAK)) {
    const line = segment.replace(/ {2,}/g, ' ').trim();
    const current = paragraphs.at(-1) ?? [];
    if (line) current.push(escapeLineStart(line));
    else if (current.length > 0) paragraphs.push([]);
  }
  return paragraphs.filter((lines) => lines.length > 0).map((lines) => lines.join(HARD_BREAK));
}

function renderBlock(element: Element, dropped: Dropped): string[] {
  switch (element.tagName) {
    case 'ul':
    case 'ol':
      return renderList(element, dropped);
    case 'blockquote': {
      const inner = renderBlocks(element.children, dropped).join('\n\n');
      if (!inner) return [];
      return [
        inner
          .split('\n')
          .map((line) => (line ? `> ${line}` : '>'))
          .join('\n'),
      ];
    }
    case 'pre': {
      // Preformatted line breaks are kept as hard breaks; code blocks would show escapes literally.
      const lines = textOf(element.children)
        .split('\n')
        .map((line) => escapeLineStart(escapeInline(line.trim())));
      return tidy(lines.join(BREAK));
    }
    case 'hr':
      return [];
    default:
      return renderBlocks(element.children, dropped);
  }
}

function renderList(list: Element, dropped: Dropped): string[] {
  const ordered = list.tagName === 'ol';
  const start = ordered ? Number(list.properties.start ?? 1) || 1 : 1;
  const items: string[] = [];
  for (const child of list.children) {
    if (child.type === 'text' && !child.value.trim()) continue;
    const content = renderBlocks(child.type === 'element' ? child.children : [child], dropped);
    if (content.length === 0) continue;
    const marker = ordered ? `${start + items.length}.` : '-';
    const indent = ' '.repeat(marker.length + 1);
    const lines = content.join('\n\n').split('\n');
    items.push(
      lines
        .map((line, i) => (i === 0 ? `${marker} ${line}` : line ? indent + line : ''))
        .join('\n'),
    );
  }
  return items.length > 0 ? [items.join('\n')] : [];
}

function renderInline(node: RootContent | ElementContent, dropped: Dropped): string {
  if (node.type === 'text') return escapeInline(node.value.replace(HTML_SPACE, ' '));
  if (node.type !== 'element') return '';
  const tag = node.tagName;
  if (DROPPED_ELEMENTS.has(tag)) {
    dropped.push(`\`<${tag}>\` element removed`);
    return '';
  }
  const inner = () => node.children.map((child) => renderInline(child, dropped)).join('');
  switch (tag) {
    case 'br':
      return BREAK;
    case 'img': {
      const src = String(node.properties.src ?? '');
      dropped.push(src ? `image \`${src}\` not kept` : 'image not kept');
      return '';
    }
    case 'a':
      return renderLink(String(node.properties.href ?? ''), inner(), dropped);
    case 'b':
    case 'strong':
      return wrap(inner(), '**');
    case 'i':
    case 'em':
      return wrap(inner(), '*');
    default:
      // A block nested in inline content still separates words.
      return BLOCK_ELEMENTS.has(tag) ? ` ${inner()} ` : inner();
  }
}

function renderLink(href: string, text: string, dropped: Dropped): string {
  if (!href) return text;
  if (!SAFE_URL.test(href)) {
    dropped.push(`link to \`${href}\` removed, its text kept`);
    return text;
  }
  // Angle brackets let the URL hold parentheses; they cannot hold `<`, `>` or spaces.
  const url = href.replace(/[<>\s]/g, encodeURIComponent);
  const shown = text.split(BREAK).join(' ').trim();
  return shown ? `[${shown}](<${url}>)` : `<${url}>`;
}

/** `**text**` with the spaces kept outside the markers, where emphasis can open and close. */
function wrap(text: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (!core || core.includes(BREAK)) return text;
  return `${lead}${marker}${core}${marker}${trail}`;
}

// ── Slides ────────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The date parts of a TimelineJS date object, coarsest first. */
const DATE_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
/** The years `YYYY` can write. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
/** `c.`, `ca.`, `circa`, `approx.`/`approximately` in a display date mark the date as uncertain. */
const APPROXIMATE = /\b(?:c\.|ca\.|circa\b|approx)/i;

/** A TimelineJS date read into our date form. */
type ReadDate = { ok: true; date: PartialDate } | { ok: false; reason: string };

/** Reads `{year, month?, day?, hour?, minute?, second?}` into `2022`, `2022-01`, `2022-01-21` or `2022-01-21T09:30`. */
export function readTimelineDate(value: unknown): ReadDate {
  if (!isObject(value)) return { ok: false, reason: 'expected an object such as {"year": 2022}' };
  const parts: Partial<Record<(typeof DATE_PARTS)[number], number>> = {};
  for (const name of DATE_PARTS) {
    const raw = value[name];
    if (raw === undefined || raw === null || raw === '') continue;
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (!/^-?\d+$/.test(text))
      return { ok: false, reason: `\`${name}\` ${JSON.stringify(raw)} is not a whole number` };
    parts[name] = Number(text);
  }
  const { year, month, day, hour, second } = parts;
  if (year === undefined) return { ok: false, reason: 'it has no `year`' };
  // An hour without minutes is that hour, on the minute.
  const minute = parts.minute ?? (hour === undefined ? undefined : 0);
  const present = [year, month, day, hour, minute, second];
  const gap = present.indexOf(undefined);
  const after = gap < 0 ? -1 : present.findIndex((part, i) => i > gap && part !== undefined);
  if (after >= 0)
    return { ok: false, reason: `it has a \`${DATE_PARTS[after]}\` but no \`${DATE_PARTS[gap]}\`` };
  if (year < MIN_YEAR || year > MAX_YEAR)
    return { ok: false, reason: `year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  const two = (n: number) => String(n).padStart(2, '0');
  let text = String(year).padStart(4, '0');
  if (month !== undefined) text += `-${two(month)}`;
  if (day !== undefined) text += `-${two(day)}`;
  if (hour !== undefined && minute !== undefined) text += `T${two(hour)}:${two(minute)}`;
  if (second !== undefined) text += `:${two(second)}`;
  const parsed = parseDate(text);
  return parsed.ok ? parsed : { ok: false, reason: `${parsed.reason} (read as \`${text}\`)` };
}

/** Slide keys the importer reads; any other key with a value is reported as not mapped. */
const SLIDE_KEYS = new Set([
  'start_date',
  'end_date',
  'display_date',
  'text',
  'group',
  'media',
  'unique_id',
  'autolink',
]);
/** Media keys that reach the body. */
const MEDIA_KEYS = new Set(['url', 'caption', 'credit']);

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return false;
  if (isObject(value)) return Object.values(value).some(hasValue);
  return !Array.isArray(value) || value.length > 0;
}

/** Plans one event file per TimelineJS3 slide; the title slide, eras and bad slides are reported. */
export function planTimelineImport(
  json: string,
  options: TimelineImportOptions,
): TimelineImportResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
  }
  if (isObject(data) && isObject(data.timeline) && !('events' in data))
    return {
      ok: false,
      reason:
        'this is TimelineJS 2 JSON (`timeline.date`); expected TimelineJS3 JSON with `events`',
    };
  if (!isObject(data) || !Array.isArray(data.events))
    return { ok: false, reason: 'expected a TimelineJS3 object with an `events` list' };

  const plan: ImportPlan = { entries: [], skipped: [], notMapped: [], notes: [] };
  if (isObject(data.title)) {
    const headline = htmlToText(stringField(isObject(data.title.text) && data.title.text.headline));
    plan.skipped.push({
      where: headline ? `title "${headline}"` : 'title',
      message: 'the title slide introduces the whole timeline; it is not an event',
    });
  }
  if (Array.isArray(data.eras) && data.eras.length > 0)
    plan.notMapped.push({
      where: 'eras',
      message: `${data.eras.length} era(s) not imported: Dramatis has no eras (an event with an \`end\` can stand in for one)`,
    });
  for (const key of Object.keys(data)) {
    if (!['events', 'title', 'eras', 'scale'].includes(key) && hasValue(data[key]))
      plan.notMapped.push({ where: `\`${key}\``, message: 'not imported: no such setting' });
  }

  const taken = new Set(options.known.events);
  let times = 0;
  data.events.forEach((slide, index) => {
    const planned = planSlide(slide, index, taken, options, plan);
    if (!planned) return;
    taken.add(planned.entry.id);
    plan.entries.push(planned.entry);
    if (planned.hasTime) times += 1;
  });
  if (times > 0)
    plan.notes.push(
      `TimelineJS dates have no time zone: ${times} date-time(s) were written without an offset, which Dramatis reads as UTC. Add the offset (e.g. \`T09:30+02:00\`) where they are local times.`,
    );
  if (plan.entries.length > 0)
    plan.notes.push(
      'TimelineJS slides name no actors: add `actors: [actor-id, …]` to the imported events to link them to the diagram.',
    );
  return { ok: true, ...plan };
}

function planSlide(
  slide: unknown,
  index: number,
  taken: ReadonlySet<string>,
  options: TimelineImportOptions,
  plan: ImportPlan,
): { entry: PlannedEntry; hasTime: boolean } | undefined {
  if (!isObject(slide)) {
    plan.skipped.push({ where: `events[${index}]`, message: 'not a slide object' });
    return undefined;
  }
  const text = isObject(slide.text) ? slide.text : {};
  const title = htmlToText(stringField(text.headline));
  const where = title ? `events[${index}] "${title}"` : `events[${index}]`;
  const lost = (message: string) => plan.notMapped.push({ where, message });

  if (slide.start_date === undefined) {
    plan.skipped.push({ where, message: 'it has no `start_date`' });
    return undefined;
  }
  const start = readTimelineDate(slide.start_date);
  if (!start.ok) {
    plan.skipped.push({
      where,
      message: `Unexpected \`start_date\` ${JSON.stringify(slide.start_date)}: ${start.reason}`,
    });
    return undefined;
  }
  if (!title) {
    plan.skipped.push({
      where,
      message: 'it has no `text.headline`, and an event needs a title',
    });
    return undefined;
  }

  let end: PartialDate | undefined;
  if (hasValue(slide.end_date)) {
    const read = readTimelineDate(slide.end_date);
    if (!read.ok) lost(`\`end_date\` dropped: ${read.reason}`);
    else if (isBefore(read.date, start.date))
      lost(`\`end_date\` \`${read.date.raw}\` dropped: it is before \`${start.date.raw}\``);
    else end = read.date;
  }

  const displayDates = [
    slide.display_date,
    isObject(slide.start_date) ? slide.start_date.display_date : undefined,
    isObject(slide.end_date) ? slide.end_date.display_date : undefined,
  ]
    .map(stringField)
    .filter(Boolean);
  const approximate = displayDates.some((d) => APPROXIMATE.test(d));
  for (const display of displayDates)
    if (!APPROXIMATE.test(display))
      lost(`\`display_date\` "${display}" not kept: pages print the date from \`date\``);

  const group = stringField(slide.group).trim();
  const kind = EVENT_KINDS.find((k) => k === group.toLowerCase()) ?? 'other';

  const dropped: Dropped = [];
  const body: string[] = [];
  const html = stringField(text.text);
  if (html) body.push(htmlToMarkdown(html, dropped));
  for (const note of dropped) lost(`\`text.text\`: ${note}`);
  if (group && kind !== group.toLowerCase())
    body.push(`Group: ${guardWikilinks(escapeLineStart(escapeInline(group)))}`);
  const media = planMedia(slide.media, lost);
  if (media) body.push(media);

  for (const key of Object.keys(slide))
    if (!SLIDE_KEYS.has(key) && hasValue(slide[key]))
      lost(`\`${key}\` not kept: events have no such field`);

  const id = chooseId(slide.unique_id, title, start.date, taken, lost);
  return {
    entry: {
      collection: 'events',
      id,
      path: `events/${id}.md`,
      text: eventText(
        { title, date: start.date, end, approximate, kind, article: options.article },
        body,
      ),
    },
    hasTime: start.date.precision === 'time' || end?.precision === 'time',
  };
}

function chooseId(
  uniqueIdValue: unknown,
  title: string,
  date: PartialDate,
  taken: ReadonlySet<string>,
  lost: (message: string) => void,
): string {
  const given = stringField(uniqueIdValue).trim();
  if (given && isValidId(given)) {
    const id = uniqueId(given, taken);
    if (id !== given) lost(`\`unique_id\` \`${given}\` is taken; the event is \`${id}\``);
    return id;
  }
  if (given)
    lost(`\`unique_id\` \`${given}\` is not a kebab-case id; the id comes from the headline`);
  // A headline in a script slugify cannot spell still needs an id.
  return uniqueId(shortSlug(title) || `event-${slugify(date.raw)}`, taken);
}

/** The body line for a slide's media, or undefined (reported) when it has no http(s) URL. */
function planMedia(media: unknown, lost: (message: string) => void): string | undefined {
  if (!isObject(media)) return undefined;
  for (const key of Object.keys(media))
    if (!MEDIA_KEYS.has(key) && hasValue(media[key])) lost(`\`media.${key}\` not kept`);
  const url = stringField(media.url).trim();
  if (!url) return undefined;
  if (!/^https?:\/\/\S+$/i.test(url)) {
    lost(`\`media.url\` not kept: only http(s) URLs are, this is \`${url.slice(0, 80)}\``);
    return undefined;
  }
  const about = [media.caption, media.credit]
    .map((part) => htmlToText(stringField(part)))
    .filter(Boolean)
    .join(', ');
  const link = `<${url.replace(/[<>]/g, encodeURIComponent)}>`;
  return `Media: ${link}${about ? ` — ${guardWikilinks(escapeInline(about))}` : ''}`;
}

interface EventFields {
  title: string;
  date: PartialDate;
  end: PartialDate | undefined;
  approximate: boolean;
  kind: EventKind;
  article: string | undefined;
}

function eventText(fields: EventFields, body: readonly string[]): string {
  const lines = ['---', `title: ${scalar(fields.title)}`, `date: ${fields.date.raw}`];
  if (fields.end) lines.push(`end: ${fields.end.raw}`);
  if (fields.approximate) lines.push('approximate: true');
  lines.push(`kind: ${fields.kind}`);
  if (fields.article) lines.push(`articles: [${fields.article}]`);
  lines.push('---');
  const text = body.filter(Boolean).join('\n\n');
  return `${lines.join('\n')}\n${text ? `${text}\n` : ''}`;
}
