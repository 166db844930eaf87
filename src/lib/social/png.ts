/**
 * Rasterises card SVGs with resvg (native, no browser). Node-only: it reads
 * font files from disk. Loading two known font files is cheaper per card than
 * scanning every system font, so we look for DejaVu Sans (the face the card
 * wrapping is calibrated for) and fall back to the system fonts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

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
