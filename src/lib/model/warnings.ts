/**
 * Checks that do not stop a build but point at content an author probably
 * wants to finish: actors nothing refers to, events without actors, relations
 * without evidence, aliases that two actors share, and HTML comments left
 * open in a body.
 */
import type { Html } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import type { Collector } from './diagnostics.ts';
import type { FieldPath, Place } from './frontmatter.ts';
import type { Story } from './types.ts';

/** Where a field of an entry file was written (1:1 when unknown). */
export type Locator = (file: string, path: FieldPath) => Place;

/** Adds warnings about `story` to `collector`. */
export function warnAboutStory(story: Story, collector: Collector, locate: Locator): void {
  const referenced = new Set<string>();
  for (const r of story.relations) referenced.add(r.from).add(r.to);
  for (const e of story.events) for (const id of e.actors) referenced.add(id);
  for (const a of story.articles) {
    for (const id of [...a.source.via, ...a.mentions.actors]) referenced.add(id);
  }
  for (const a of story.actors) if (a.affiliation) referenced.add(a.affiliation).add(a.id);

  for (const actor of story.actors) {
    if (!referenced.has(actor.id)) {
      collector.warn(
        actor.file,
        locate(actor.file, ['name']),
        `Unexpected orphan actor \`${actor.id}\`: no relation, event, article or affiliation refers to it`,
        'orphan-actor',
        'add a relation or event that involves it, or remove the file',
      );
    }
  }
  for (const event of story.events) {
    if (event.actors.length === 0) {
      collector.warn(
        event.file,
        locate(event.file, ['actors']),
        `Unexpected event without \`actors\``,
        'event-without-actors',
        'list who took part in `actors`',
      );
    }
  }
  for (const relation of story.relations) {
    if (relation.evidence.length === 0) {
      collector.warn(
        relation.file,
        locate(relation.file, ['evidence']),
        'Unexpected relation without `evidence`',
        'relation-without-evidence',
        'quote the sentence of the article that supports it under `evidence`',
      );
    }
  }
  const owners = new Map<string, string>();
  for (const actor of story.actors) {
    const names = [actor.name, ...actor.aliases];
    const seen = new Set<string>();
    names.forEach((name, index) => {
      const alias = name.normalize('NFC').toLowerCase();
      if (seen.has(alias)) return;
      seen.add(alias);
      const first = owners.get(alias);
      if (first === undefined) {
        owners.set(alias, actor.id);
        return;
      }
      collector.warn(
        actor.file,
        locate(actor.file, index === 0 ? ['name'] : ['aliases', index - 1]),
        `Unexpected alias \`${alias}\` shared with actor \`${first}\``,
        'shared-alias',
        'readers searching for this name cannot tell the two apart; make one alias more specific',
      );
    });
  }
}

/**
 * Where a Markdown body opens an HTML comment (`<!--`) that it never closes,
 * relative to the body (1-based); undefined when there is none. Markdown
 * hides everything after such a comment, so the rest of the text silently
 * disappears from the page. `<!--` inside code is text, not a comment.
 */
export function unclosedComment(body: string): { line: number; column: number } | undefined {
  if (!body.includes('<!--')) return undefined;
  let found: { line: number; column: number } | undefined;
  visit(fromMarkdown(body), 'html', (node: Html) => {
    if (found || !node.value.startsWith('<!--') || node.value.includes('-->')) return;
    found = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  });
  return found;
}
