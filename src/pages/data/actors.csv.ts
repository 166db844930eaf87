/** `/data/actors.csv`. */
import { dataResponse } from '../../data/exports.ts';
import { getStory } from '../../data/story.ts';
import { actorsCsv } from '../../lib/export/csv.ts';

export async function GET() {
  return dataResponse(actorsCsv(await getStory()), 'text/csv');
}
