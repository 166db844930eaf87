/** `/data/all.json`: the whole story model. */
import { dataResponse } from '../../data/exports.ts';
import { getStory } from '../../data/story.ts';
import { storyToJson } from '../../lib/export/story-json.ts';

export async function GET() {
  return dataResponse(JSON.stringify(storyToJson(await getStory()), null, 2), 'application/json');
}
