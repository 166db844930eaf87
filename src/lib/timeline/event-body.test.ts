import { describe, expect, test } from 'vitest';
import { actor, event } from '../social/fixtures.ts';
import { eventBodyParagraphs } from './event-body.ts';

describe('eventBodyParagraphs', () => {
  const actors = [actor('north', 'Norland', 'state')];
  const meeting = event('talks', '2031-03', { title: 'Harbour talks', actors: ['north'] });

  test('plain paragraphs with wikilinks read as names and titles, Markdown and HTML dropped', () => {
    const fees = event('fees', '2031-04', {
      title: 'Fees rise',
      body: '[[north]] raised *fees* after [[event:talks]].\n\n<b>Loud</b> and [[event:talks|the talks]] again, by [[nobody]].',
    });
    const events = [meeting, fees];
    expect(eventBodyParagraphs(fees, actors, events)).toEqual([
      'Norland raised fees after Harbour talks.',
      'Loud and the talks again, by nobody.',
    ]);
  });

  test('an empty body has no paragraphs; the result is worked out once per event and story', () => {
    expect(eventBodyParagraphs(meeting, actors, [meeting])).toEqual([]);
    const long = event('long', '2031-05', { title: 'Long', body: 'One.\n\nTwo.' });
    const events = [long];
    const first = eventBodyParagraphs(long, actors, events);
    expect(first).toEqual(['One.', 'Two.']);
    expect(eventBodyParagraphs(long, actors, events)).toBe(first);
    // Another story's names: worked out again.
    expect(eventBodyParagraphs(long, [...actors], events)).not.toBe(first);
  });
});
