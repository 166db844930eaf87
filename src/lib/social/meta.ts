/** Open Graph and Twitter card `<meta>` tags, and the absolute URLs they need. */
import { withBase } from '../paths.ts';

/** The size every social card is drawn at (Open Graph's recommended 1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The Open Graph types the site uses. */
export type OpenGraphType = 'article' | 'website' | 'profile';

/** One `<meta>`: Open Graph uses `property`, Twitter uses `name`. */
export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

/** What a page says about itself to link previews. */
export interface SocialMetaInput {
  type: OpenGraphType;
  /** The page's own title, without the site name. */
  title: string;
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
  siteName: string;
  /** Absolute URL of the social card. */
  image: string;
  imageAlt: string;
  /** BCP 47 language of the content (`en`, `pt-BR`). */
  language?: string;
  /** RFC 3339 timestamps, for articles. */
  publishedTime?: string;
  modifiedTime?: string;
  tags?: readonly string[];
}

/** An absolute URL for a site-relative path under the base: `(https://x.org, /d/, actors/)` → `https://x.org/d/actors/`. */
export function absoluteUrl(site: string | URL, base: string, sitePath: string): string {
  return new URL(withBase(base, sitePath), site).href;
}

/** A `UrlFor` on the site's origin and base; root-relative URLs when no origin is configured. */
export function urlForSite(
  site: string | URL | undefined,
  base: string,
): (sitePath: string) => string {
  return (sitePath) => (site ? absoluteUrl(site, base, sitePath) : withBase(base, sitePath));
}

/** Site-relative path of a social card image. */
export function cardPath(id: string): string {
  return `cards/${id}.png`;
}

/** The Open Graph and Twitter card tags of a page, in document order. */
export function buildSocialMeta(input: SocialMetaInput): MetaTag[] {
  const og = (property: string, content: string | undefined): MetaTag[] =>
    content === undefined || content === '' ? [] : [{ property, content }];
  const twitter = (name: string, content: string): MetaTag => ({ name, content });
  return [
    ...og('og:type', input.type),
    ...og('og:title', input.title),
    ...og('og:description', input.description),
    ...og('og:url', input.url),
    ...og('og:site_name', input.siteName),
    ...og('og:locale', input.language ? toOpenGraphLocale(input.language) : undefined),
    ...og('og:image', input.image),
    ...og('og:image:type', 'image/png'),
    ...og('og:image:width', String(CARD_WIDTH)),
    ...og('og:image:height', String(CARD_HEIGHT)),
    ...og('og:image:alt', input.imageAlt),
    ...(input.type === 'article'
      ? [
          ...og('article:published_time', input.publishedTime),
          ...og('article:modified_time', input.modifiedTime),
          ...(input.tags ?? []).flatMap((tag) => og('article:tag', tag)),
        ]
      : []),
    twitter('twitter:card', 'summary_large_image'),
    twitter('twitter:title', input.title),
    twitter('twitter:description', input.description),
    twitter('twitter:image', input.image),
    twitter('twitter:image:alt', input.imageAlt),
  ];
}

/** Open Graph writes locales as `language_TERRITORY`: `en` → `en`, `pt-br` → `pt_BR`, `zh-Hant-TW` → `zh_TW`. */
export function toOpenGraphLocale(language: string): string {
  const [lang = '', ...rest] = language.split('-');
  const region = rest.find((part) => REGION_SUBTAG.test(part));
  return region ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
}

/** A BCP 47 region subtag: two letters or three digits. */
const REGION_SUBTAG = /^(?:[A-Za-z]{2}|\d{3})$/;

/** Longest `<title>` search engines show whole (and html-validate's `long-title` allows). */
export const MAX_TITLE_LENGTH = 70;

/**
 * The `<title>` of a page: its own title and the site's name when both fit in
 * MAX_TITLE_LENGTH, else the page title alone, shortened at a word with `…`
 * when even that is too long. The page's heading and social cards keep the
 * full title; this only keeps the tab and search results readable.
 */
export function documentTitle(title: string, siteTitle: string): string {
  const chars = (text: string) => [...text].length;
  if (title === siteTitle) return shorten(title);
  const both = `${title} · ${siteTitle}`;
  return chars(both) <= MAX_TITLE_LENGTH ? both : shorten(title);
}

function shorten(text: string): string {
  const chars = [...text];
  if (chars.length <= MAX_TITLE_LENGTH) return text;
  const cut = chars.slice(0, MAX_TITLE_LENGTH - 1).join('');
  const space = cut.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the text (a title without spaces).
  const kept = space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`;
}
