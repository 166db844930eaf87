/** `/data/schema.json`: JSON Schema of the story exports. */
import { dataResponse } from '../../data/exports.ts';
import { storyJsonSchema } from '../../lib/export/story-json.ts';

export function GET() {
  return dataResponse(JSON.stringify(storyJsonSchema(), null, 2), 'application/schema+json');
}
