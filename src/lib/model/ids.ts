import { foldAccents } from '../text/fold.ts';

/** Entry ids: lower-case kebab-case, the file name without `.md`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `value` is a well-formed entry id. */
export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** The id of an entry file: its base name without `.md`. */
export function idFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.md$/i, '');
}

/** A valid id made from any text: `Fumio Kishida` → `fumio-kishida`. */
export function slugify(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
