/** Escaping for text written into XML (SVG, Atom, sitemaps) and into `<script>` elements. */

/** Whether XML 1.0 allows a code point (its `Char` production): not C0 controls other than tab, LF and CR, not lone surrogates, not U+FFFE/U+FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` safe for XML element content and quoted attribute values; characters XML cannot hold are dropped. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isXmlChar(ch.codePointAt(0) ?? 0)) out += XML_ENTITIES[ch] ?? ch;
  }
  return out;
}

/** JSON for a `<script type="application/json">`: every `<` escaped, so author text cannot close the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
