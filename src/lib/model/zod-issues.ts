import { z } from 'astro/zod';
import type { Collector } from './diagnostics.ts';
import type { FieldPath, ParsedYaml } from './frontmatter.ts';
import { didYouMean } from './suggest.ts';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a mapping of fields',
};

/** How a value reads in a message: short values in backticks, others by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'empty value';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  const text = String(value);
  return `\`${text.length > 40 ? `${text.slice(0, 39)}…` : text}\``;
}

/** `source.via[1]` style name of a field path. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (name, part) =>
      typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part,
    '',
  );
}

/** The value at `path` in plain data. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** The field names a strict object schema accepts at `path`, for did-you-mean on unknown fields. */
export function knownKeysAt(schema: z.ZodType, path: FieldPath): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (current instanceof z.ZodObject)
      current = unwrap(current.shape[String(part)] as z.ZodType | undefined);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType;
    else return current;
  }
}

/** Turns zod's issues for one file into placed diagnostics. */
export function reportIssues(
  issues: readonly Issue[],
  context: {
    file: string;
    yaml: ParsedYaml;
    schema: z.ZodType;
    collector: Collector;
    pathPrefix?: FieldPath;
  },
): void {
  const { file, yaml, schema, collector } = context;
  const prefix = context.pathPrefix ?? [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const full = [...prefix, ...path];
    const field = fieldName(path);
    const value = valueAt(yaml.data, full);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const known = knownKeysAt(schema, path);
          collector.error(
            file,
            yaml.locateKey(full, key),
            `Unexpected field \`${fieldName([...path, key])}\`${didYouMean(key, known)}`,
            'unknown-field',
            known.length > 0
              ? `known fields here: ${known.map((k) => `\`${k}\``).join(', ')}`
              : undefined,
          );
        }
        break;
      case 'invalid_type':
        if (value === undefined) {
          collector.error(
            file,
            yaml.locate(full.slice(0, -1)),
            `Missing \`${field}\`, expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`,
            'missing-field',
          );
        } else {
          collector.error(
            file,
            yaml.locate(full),
            `Unexpected ${describeValue(value)} in \`${field}\`, expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`,
            'invalid-type',
          );
        }
        break;
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        collector.error(
          file,
          yaml.locate(full),
          `Unexpected ${describeValue(value)} in \`${field}\`, expected one of ${allowed.map((v) => `\`${v}\``).join(', ')}${didYouMean(String(value), allowed)}`,
          'invalid-value',
        );
        break;
      }
      case 'too_small':
        collector.error(
          file,
          yaml.locate(full),
          value === '' || (typeof value === 'string' && value.trim() === '')
            ? `Unexpected empty \`${field}\`, expected text`
            : `Unexpected ${describeValue(value)} in \`${field}\`: ${issue.message}`,
          'invalid-value',
        );
        break;
      case 'invalid_union':
        collector.error(
          file,
          yaml.locate(full),
          `Unexpected ${describeValue(value)} in \`${field}\`, expected a date as YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time`,
          'invalid-date',
        );
        break;
      case 'invalid_format':
        collector.error(
          file,
          yaml.locate(full),
          `Unexpected ${describeValue(value)} in \`${field}\`, expected ${issue.message}`,
          'invalid-value',
        );
        break;
      case 'custom':
        collector.error(
          file,
          yaml.locate(full),
          `Unexpected ${describeValue(value)} in \`${field}\`${issue.message.startsWith('expected') ? ', ' : ': '}${issue.message}`,
          issue.message.includes('a date as') ? 'invalid-date' : 'invalid-value',
        );
        break;
      default:
        collector.error(
          file,
          yaml.locate(full),
          `Unexpected ${describeValue(value)} in \`${field}\`: ${issue.message}`,
          'invalid-value',
        );
    }
  }
}
