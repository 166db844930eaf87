import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Place } from './frontmatter.ts';

/** Errors stop the build; warnings are printed and let it go on. */
export type Severity = 'error' | 'warning';

/** One problem found in content, placed in its file. */
export interface Diagnostic {
  /** Path relative to the project root, e.g. `content/actors/japan.md`. */
  file: string;
  place: Place;
  /** What is wrong and what was expected, fields and values in backticks. */
  reason: string;
  /** A stable id for this kind of problem, e.g. `unknown-actor`. */
  ruleId: string;
  severity: Severity;
  /** How to fix it, when there is an obvious way. */
  hint?: string;
}

/** Collects diagnostics while content is checked. */
export interface Collector {
  error(file: string, place: Place, reason: string, ruleId: string, hint?: string): void;
  warn(file: string, place: Place, reason: string, ruleId: string, hint?: string): void;
  readonly diagnostics: Diagnostic[];
}

/** A fresh, empty collector. */
export function createCollector(): Collector {
  const diagnostics: Diagnostic[] = [];
  const add =
    (severity: Severity) =>
    (file: string, place: Place, reason: string, ruleId: string, hint?: string) => {
      diagnostics.push({ file, place, reason, ruleId, severity, ...(hint ? { hint } : {}) });
    };
  return { error: add('error'), warn: add('warning'), diagnostics };
}

/** Diagnostics in reading order: by file, then line, then column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.place.start.line - b.place.start.line ||
      a.place.start.column - b.place.start.column,
  );
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** One VFile per file, carrying its messages, for unified tooling. */
export function toVFiles(diagnostics: readonly Diagnostic[]): VFile[] {
  const files = new Map<string, VFile>();
  for (const d of sortDiagnostics(diagnostics)) {
    let file = files.get(d.file);
    if (!file) {
      file = new VFile({ path: d.file });
      files.set(d.file, file);
    }
    const place = d.place.end ? { start: d.place.start, end: d.place.end } : d.place.start;
    const message = file.message(d.reason, { place, ruleId: d.ruleId, source: 'dramatis' });
    message.fatal = d.severity === 'error';
    if (d.hint) message.note = d.hint;
  }
  return [...files.values()];
}

/** The report a person reads: vfile-reporter's format, with hints and a summary line. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  options: { color?: boolean } = {},
): string {
  if (diagnostics.length === 0) return '';
  return reporter(toVFiles(diagnostics), { color: options.color ?? false, verbose: true });
}
