/** `/data/relations.csv`. */
import { dataResponse } from '../../data/exports.ts';
import { getStory } from '../../data/story.ts';
import { relationsCsv } from '../../lib/export/csv.ts';

export async function GET() {
  return dataResponse(relationsCsv(await getStory()), 'text/csv');
}
