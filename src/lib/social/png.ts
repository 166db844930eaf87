/**
 * Rasterises card SVGs with resvg (native, no browser). Node-only: it reads
 * font files from disk. Loading two known font files is cheaper per card than
 * scanning every system font, so we look for DejaVu Sans (the face the card
 * wrapping is calibrated for) and fall back to the system fonts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { partsHash } from '../hash.ts';

/** Where distributions install DejaVu Sans (Debian/Ubuntu, Fedora, Arch, Alpine, Homebrew). */
const FONT_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/TTF',
  '/usr/share/fonts/ttf-dejavu',
  '/opt/homebrew/share/fonts',
  '/usr/local/share/fonts',
];
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let fontOptions: ResvgRenderOptions['font'] | undefined;

/** The font options for resvg: DejaVu Sans when found, else every system font. */
export function cardFontOptions(): NonNullable<ResvgRenderOptions['font']> {
  fontOptions ??= findFonts();
  return fontOptions;
}

/**
 * What a card's pixels depend on besides its SVG: the font files resvg draws
 * with, by their bytes (or the system's fonts, which are not read). Part of
 * each card's cache key, so a build on a machine with other fonts draws the
 * cards again instead of copying the last build's. Worked out once per
 * process.
 */
export function cardFontStamp(): string {
  fontStampValue ??= fontStamp(cardFontOptions(), (file) => readFileSync(file));
  return fontStampValue;
}

let fontStampValue: string | undefined;

/** A digest of font options and the bytes of the font files they name (`read` reads one). */
export function fontStamp(
  options: NonNullable<ResvgRenderOptions['font']>,
  read: (file: string) => Uint8Array,
): string {
  const hash = partsHash().add(
    JSON.stringify([options.loadSystemFonts ?? true, options.defaultFontFamily ?? '']),
  );
  for (const file of options.fontFiles ?? []) hash.add(file).add(read(file));
  return hash.hex();
}

/** The PNG of an SVG document, at the SVG's own size. */
export function renderPng(svg: string): Uint8Array<ArrayBuffer> {
  const rendered = new Resvg(svg, { font: cardFontOptions(), logLevel: 'off' }).render();
  return new Uint8Array(rendered.asPng());
}

function findFonts(): NonNullable<ResvgRenderOptions['font']> {
  for (const dir of FONT_DIRS) {
    const files = FONT_FILES.map((file) => path.join(dir, file));
    if (files.every((file) => existsSync(file))) {
      return { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans' };
    }
  }
  return { loadSystemFonts: true };
}
