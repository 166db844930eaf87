/**
 * `rehype-raw`, run only on trees that hold raw HTML. It turns HTML written
 * in Markdown into elements for the sanitiser, by passing the whole tree
 * through an HTML parser and back; a body without HTML (most of them) comes
 * out the same, so that pass is skipped. Astro runs its own `rehype-raw` after
 * all plugins anyway.
 */
import type { Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import type { VFile } from 'vfile';

/** Whether any node under `node` is raw HTML. */
export function hasRawHtml(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'raw') return true;
  return (node.children ?? []).some((child) =>
    hasRawHtml(child as { type: string; children?: unknown[] }),
  );
}

/**
 * A unified plugin: `rehype-raw` (with the same options), run only on trees
 * for which `when` holds; it turns the whole tree into HTML tokens and back.
 */
export function rehypeRawWhen(
  when: (tree: Root, file: VFile) => boolean,
  options?: Options,
): () => (tree: Root, file: VFile) => Root | undefined {
  return () => {
    const transform = rehypeRaw(options);
    return (tree, file) => (when(tree, file) ? transform(tree, file) : undefined);
  };
}

/** The unified plugin: `rehype-raw` with the same options, when the tree has raw HTML. */
export default function rehypeRawWhenPresent(options?: Options) {
  return rehypeRawWhen(hasRawHtml, options)();
}
