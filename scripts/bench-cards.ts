/**
 * Social card cost: builds and rasterises N cards (SVG → PNG with resvg) and
 * reports the mean milliseconds per card, split into SVG building and PNG
 * rendering. Quartz's card generation costs ~120 ms per page; ours should be a
 * small fraction of that.
 *
 * Usage:
 *   node scripts/bench-cards.ts [--cards 200] [--out /tmp/card.png]
 *
 * `--out` writes the first card, to look at.
 */
import { writeFile } from 'node:fs/promises';
import { buildCardSvg } from '../src/lib/social/card.ts';
import { cardFontOptions, renderPng } from '../src/lib/social/png.ts';
import { flag } from './lib/cli.ts';

/** Cards rendered when `--cards` is not given. */
const DEFAULT_CARDS = 200;
/** Cards rendered first and not counted: the first pays for loading fonts and the native module. */
const WARM_UP = 3;

const HEADLINES = [
  'Northland presses Southland to reopen the harbour after a week of closure',
  'Port board closes the gates',
  'Mayor Ada Ørsted-Lin says the harbour fees will be reviewed by an independent panel before the summer season begins, amid protests from fishing crews and freight firms',
  'Wire Service reports talks between the two states',
];

function cardInput(i: number) {
  return {
    eyebrow: 'Harbour Watch',
    headline: `${HEADLINES[i % HEADLINES.length]} (${i})`,
    footer: `Coast Gazette · ${(i % 28) + 1} May 2031`,
    seed: `card-${i}`,
  };
}

const count = Number(flag('cards') ?? DEFAULT_CARDS);
const out = flag('out');

for (let i = 0; i < WARM_UP; i++) renderPng(buildCardSvg(cardInput(i)));

let svgMs = 0;
let pngMs = 0;
let bytes = 0;
for (let i = 0; i < count; i++) {
  const t0 = performance.now();
  const svg = buildCardSvg(cardInput(i));
  const t1 = performance.now();
  const png = renderPng(svg);
  const t2 = performance.now();
  svgMs += t1 - t0;
  pngMs += t2 - t1;
  bytes += png.byteLength;
  if (i === 0 && out) await writeFile(out, png);
}

const fonts = cardFontOptions();
console.log(`| cards | mean ms/card | of which SVG | of which PNG | mean PNG size | fonts |`);
console.log(`| --- | --- | --- | --- | --- | --- |`);
console.log(
  `| ${count} | ${((svgMs + pngMs) / count).toFixed(1)} | ${(svgMs / count).toFixed(2)} | ${(pngMs / count).toFixed(1)} | ${Math.round(bytes / count / 1024)} KB | ${fonts.loadSystemFonts ? 'system' : (fonts.fontFiles ?? []).join(', ')} |`,
);
