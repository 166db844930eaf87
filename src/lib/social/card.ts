/**
 * The social card: a 1200×630 SVG with the site title, the headline wrapped
 * to fit, the publisher and date, and a small network motif, in the light
 * theme's colours. Pure string building; `png.ts` rasterises it. All text is
 * escaped for XML.
 */
import { formatDate } from '../dates/format.ts';
import { parseDate } from '../dates/parse.ts';
import type { PartialDate } from '../dates/types.ts';
import type { Article, Site } from '../model/types.ts';
import { measureText, truncateText } from '../text/measure.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './meta.ts';
import { escapeXml } from './xml.ts';

/** What a card says. */
export interface CardInput {
  /** Small line at the top, usually the site title. */
  eyebrow: string;
  /** The big text: an article's headline or the site's description. */
  headline: string;
  /** Bottom line, e.g. "Coast Gazette · 10 May 2031". */
  footer?: string;
  /** Varies the motif between cards (e.g. the article id); the same seed draws the same motif. */
  seed: string;
}

/** Light theme colours (src/styles/tokens.css); cards are images, so they do not follow dark mode. */
export const CARD_COLOURS = {
  bg: '#fbfaf7',
  fg: '#1b1c1e',
  muted: '#5a5d63',
  border: '#d9d5cc',
  accent: '#9b1c1c',
  edges: ['#1b7a47', '#a85400', '#c0262d', '#1f5fbf', '#6b4fbb'],
  nodes: ['#2b3a55', '#7a3e1d', '#35605a', '#5b4a7a'],
} as const;

/** Fonts resvg finds on most Linux machines first; the wrapping is calibrated for DejaVu Sans. */
export const CARD_FONT_FAMILY =
  "'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** DejaVu Sans renders about this much wider than `measureText`'s system-ui estimate (measured with resvg). */
const BOLD_WIDTH_FACTOR = 1.2;
const REGULAR_WIDTH_FACTOR = 1.06;

const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
const ACCENT_BAR = 14;
const EYEBROW_SIZE = 30;
const EYEBROW_BASELINE = 120;
/** The headline block: from below the eyebrow to above the footer and motif. */
const HEADLINE_TOP = 170;
const HEADLINE_BOTTOM = 470;
/** Candidate headline sizes, largest first; the first whose wrap fits is used. */
const HEADLINE_SIZES = [72, 64, 56, 48] as const;
const LINE_HEIGHT = 1.18;
/** Where a baseline sits below the top of its line box, as a share of the font size. */
const ASCENT = 0.92;
const FOOTER_SIZE = 28;
const FOOTER_BASELINE = 560;
/** The motif's box at the bottom right, clear of the headline and the footer. */
const MOTIF = { left: 880, top: 484, right: 1120, bottom: 590 } as const;
const FOOTER_WIDTH = MOTIF.left - MARGIN - 40;
const MOTIF_NODES = 6;
/** Pairs of motif nodes joined by an edge: a path with two chords, so it reads as a network. */
const MOTIF_EDGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [4, 5],
  [0, 2],
  [1, 4],
];
const NODE_RADIUS_MIN = 7;
const NODE_RADIUS_SPREAD = 6;
const EDGE_WIDTH = 3;

/** Splits `text` into lines no wider than `maxWidth` px at `fontSize`; a word longer than a line is broken. */
export function wrapText(
  text: string,
  fontSize: number,
  maxWidth: number,
  widthFactor = 1,
): string[] {
  const width = (s: string) => measureText(s, fontSize) * widthFactor;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the line (a long URL, a compound) is cut into pieces.
    while (width(line) > maxWidth) {
      let piece = '';
      for (const ch of line) {
        if (width(piece + ch) > maxWidth && piece) break;
        piece += ch;
      }
      lines.push(piece);
      line = line.slice(piece.length);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A headline laid out: the size chosen and its lines (the last ends in "…" when even the smallest size overflows). */
export interface HeadlineFit {
  fontSize: number;
  lines: string[];
}

/** The largest headline size whose wrapped lines fit the headline block; at the smallest, cuts with an ellipsis. */
export function fitHeadline(text: string, maxWidth = TEXT_WIDTH): HeadlineFit {
  for (const fontSize of HEADLINE_SIZES) {
    const lines = wrapText(text, fontSize, maxWidth, BOLD_WIDTH_FACTOR);
    if (lines.length <= maxLinesAt(fontSize)) return { fontSize, lines };
  }
  const fontSize = HEADLINE_SIZES[HEADLINE_SIZES.length - 1] ?? EYEBROW_SIZE;
  const max = maxLinesAt(fontSize);
  const lines = wrapText(text, fontSize, maxWidth, BOLD_WIDTH_FACTOR).slice(0, max);
  const last = `${lines[max - 1] ?? ''} …`;
  lines[max - 1] = truncateText(last, fontSize * BOLD_WIDTH_FACTOR, maxWidth);
  return { fontSize, lines };
}

/** The card as an SVG document. */
export function buildCardSvg(input: CardInput): string {
  const { fontSize, lines } = fitHeadline(input.headline);
  const lineHeight = fontSize * LINE_HEIGHT;
  const eyebrow = truncateText(input.eyebrow, EYEBROW_SIZE * BOLD_WIDTH_FACTOR, TEXT_WIDTH);
  const footer =
    input.footer === undefined
      ? undefined
      : truncateText(input.footer, FOOTER_SIZE * REGULAR_WIDTH_FACTOR, FOOTER_WIDTH);
  const c = CARD_COLOURS;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${c.bg}"/>`,
    `<rect width="${CARD_WIDTH}" height="${ACCENT_BAR}" fill="${c.accent}"/>`,
    drawMotif(input.seed),
    `<g font-family="${escapeXml(CARD_FONT_FAMILY)}">`,
    `<text x="${MARGIN}" y="${EYEBROW_BASELINE}" font-size="${EYEBROW_SIZE}" font-weight="700" fill="${c.accent}" letter-spacing="1">${escapeXml(eyebrow)}</text>`,
    ...lines.map(
      (line, i) =>
        `<text x="${MARGIN}" y="${round(HEADLINE_TOP + fontSize * ASCENT + i * lineHeight)}" font-size="${fontSize}" font-weight="700" fill="${c.fg}">${escapeXml(line)}</text>`,
    ),
    footer === undefined
      ? ''
      : `<text x="${MARGIN}" y="${FOOTER_BASELINE}" font-size="${FOOTER_SIZE}" fill="${c.muted}">${escapeXml(footer)}</text>`,
    '</g>',
    '</svg>',
  ].join('');
}

/** An article's card: the site title, its headline, and "Publisher · 10 May 2031". */
export function articleCardInput(article: Article, site: Site): CardInput {
  const { publisher, published } = article.source;
  return {
    eyebrow: site.title,
    headline: article.title,
    footer: `${publisher} · ${formatDate(calendarDay(published))}`,
    seed: article.id,
  };
}

/** The card every other page shares: the site title and its description. */
export function siteCardInput(site: Site): CardInput {
  return { eyebrow: site.title, headline: site.description, seed: site.title };
}

/** A date-time as its authored calendar day (a card has no room for the clock); other dates as they are. */
function calendarDay(date: PartialDate): PartialDate {
  if (date.precision !== 'time') return date;
  const day = parseDate(date.raw.slice(0, DAY_LENGTH));
  return day.ok ? day.date : date;
}

/** Characters of `YYYY-MM-DD`. */
const DAY_LENGTH = 10;

/** Default social card id: `default`, or with a number added when an article already uses that id. */
export function defaultCardId(articleIds: readonly string[]): string {
  const taken = new Set(articleIds);
  let id = 'default';
  for (let n = 2; taken.has(id); n++) id = `default-${n}`;
  return id;
}

function maxLinesAt(fontSize: number): number {
  return Math.max(1, Math.floor((HEADLINE_BOTTOM - HEADLINE_TOP) / (fontSize * LINE_HEIGHT)));
}

/** A few nodes and edges in the motif box; positions jitter with the seed but keep to their slots. */
function drawMotif(seed: string): string {
  const random = seededRandom(seed);
  const c = CARD_COLOURS;
  const slotWidth = (MOTIF.right - MOTIF.left) / (MOTIF_NODES - 1);
  const nodes = Array.from({ length: MOTIF_NODES }, (_, i) => {
    const r = NODE_RADIUS_MIN + random() * NODE_RADIUS_SPREAD;
    // Alternate high and low so edges zig-zag; jitter inside the slot.
    const high = i % 2 === 0;
    const band = (MOTIF.bottom - MOTIF.top) / 2;
    const y = MOTIF.top + r + (high ? 0 : band) + random() * (band - 2 * r);
    const x = MOTIF.left + i * slotWidth + (random() - 0.5) * slotWidth * 0.4;
    return { x: clamp(x, MOTIF.left + r, MOTIF.right - r), y, r };
  });
  const edges = MOTIF_EDGES.map(([a, b], i) => {
    const from = nodes[a];
    const to = nodes[b];
    if (!from || !to) return '';
    const colour = c.edges[(i + Math.floor(random() * c.edges.length)) % c.edges.length];
    return `<line x1="${round(from.x)}" y1="${round(from.y)}" x2="${round(to.x)}" y2="${round(to.y)}" stroke="${colour}" stroke-width="${EDGE_WIDTH}" stroke-opacity="0.7"/>`;
  });
  const circles = nodes.map(
    (node, i) =>
      `<circle cx="${round(node.x)}" cy="${round(node.y)}" r="${round(node.r)}" fill="${c.nodes[i % c.nodes.length]}" stroke="${c.bg}" stroke-width="3"/>`,
  );
  return `<g aria-hidden="true">${edges.join('')}${circles.join('')}</g>`;
}

/** mulberry32 seeded from a string hash: a small deterministic PRNG so a card never changes between builds. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const ch of seed) state = Math.imul(state ^ (ch.codePointAt(0) ?? 0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
