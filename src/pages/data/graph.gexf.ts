/** `/data/graph.gexf`: the actor graph for Gephi. */
import { dataResponse } from '../../data/exports.ts';
import { getStory } from '../../data/story.ts';
import { storyToGexf } from '../../lib/export/gexf.ts';

export async function GET() {
  return dataResponse(storyToGexf(await getStory()), 'application/xml');
}
