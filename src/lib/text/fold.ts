/** Letters that Unicode decomposition (NFKD) leaves alone, spelled the way English text usually spells them. */
const EXTRA: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g');

/** Text without accents: `Orbán` → `Orban`, `Ørsted` → `Orsted`. Other scripts pass through unchanged. */
export function foldAccents(text: string): string {
  return text
    .replace(EXTRA_PATTERN, (ch) => EXTRA[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}
