/** `/data/events.csv`. */
import { dataResponse } from '../../data/exports.ts';
import { getStory } from '../../data/story.ts';
import { eventsCsv } from '../../lib/export/csv.ts';

export async function GET() {
  return dataResponse(eventsCsv(await getStory()), 'text/csv');
}
