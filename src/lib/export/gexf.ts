/** GEXF 1.3 export of the actor graph, which Gephi opens; edges carry their dates as a time interval. */
import type { PartialDate } from '../dates/types.ts';
import type { Story } from '../model/types.ts';
import { escapeXml } from '../social/xml.ts';

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function interval(since: PartialDate | undefined, until: PartialDate | undefined): string {
  const parts: string[] = [];
  if (since) parts.push(`start="${day(since.start)}"`);
  // GEXF ends are inclusive days: the last day the relation holds.
  if (until) parts.push(`end="${day(until.end - 1)}"`);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/** The whole story's graph as a GEXF document. */
export function storyToGexf(story: Story): string {
  const kinds = new Map(story.kinds.map((k) => [k.id, k]));
  const a = (text: string) => escapeXml(text);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>Dramatis</creator><description>${a(story.site.title)}</description></meta>`,
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
    '    <attributes class="node">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="role" title="role" type="string"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="kind" title="kind" type="string"/>',
    '      <attribute id="category" title="category" type="string"/>',
    '    </attributes>',
    '    <nodes>',
    ...story.actors.map(
      (actor) =>
        `      <node id="${a(actor.id)}" label="${a(actor.name)}"><attvalues><attvalue for="kind" value="${a(actor.kind)}"/><attvalue for="role" value="${a(actor.role ?? '')}"/></attvalues></node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...story.relations.map((r) => {
      const kind = kinds.get(r.kind);
      const type = kind?.directed === false ? ' type="undirected"' : '';
      return `      <edge id="${a(r.id)}" source="${a(r.from)}" target="${a(r.to)}" label="${a(r.label ?? kind?.label ?? r.kind)}"${type}${interval(r.since, r.until)}><attvalues><attvalue for="kind" value="${a(r.kind)}"/><attvalue for="category" value="${a(kind?.category ?? '')}"/></attvalues></edge>`;
    }),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ];
  return lines.join('\n');
}
