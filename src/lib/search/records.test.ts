import { describe, expect, test } from 'vitest';
import type { Story } from '../model/types.ts';
import { actor, article, date, event } from '../social/fixtures.ts';
import { eventRecords, markdownBlocks, markdownToPlainText, searchLanguage } from './records.ts';

const story: Story = {
  site: { title: 'Port Watch', description: 'D.', language: 'en-GB' },
  kinds: [],
  articles: [article('port-talks', { title: 'Port talks' })],
  actors: [actor('north', 'Norland', 'state'), actor('ada', 'Ada Ørsted', 'person')],
  events: [
    event('fees', '2031-03', {
      title: 'Tension over fees',
      end: date('2031-05'),
      approximate: true,
      kind: 'statement',
      actors: ['north', 'ada'],
      evidence: [{ quote: 'the gates shut', article: 'port-talks' }],
      body: '[[ada]] spoke; [[north|the North]] replied. See [[event:fees]].\n\n<script>x()</script>\n\n`code`',
    }),
  ],
  relations: [],
};

describe('eventRecords', () => {
  test('makes one Event record per event, linked to its place on the timeline without the base (Pagefind adds it)', () => {
    const [record] = eventRecords(story);
    expect(record).toMatchObject({
      url: '/timeline/#event-fees',
      language: 'en',
      meta: { title: 'Tension over fees', type: 'Event', date: 'c. March – May 2031' },
      filters: { type: ['Event'] },
    });
    expect(record?.content).toBe(
      'Tension over fees. c. March – May 2031. Statement. Involved: Norland, Ada Ørsted. “the gates shut” (Port talks). Ada Ørsted spoke; the North replied. See Tension over fees. code',
    );
  });
});

describe('markdownToPlainText', () => {
  test('reads GitHub’s tables, strikethrough and footnotes as the pages render them, and code blocks', () => {
    const body = [
      '| Port | Fee |',
      '| --- | --- |',
      '| North | ~~ten~~ twelve |',
      '',
      'Fees rose.[^1]',
      '',
      '[^1]: Per the harbour board.',
      '',
      '```',
      'fee = 12',
      '```',
    ].join('\n');
    expect(markdownBlocks(body, () => undefined)).toEqual([
      'Port',
      'Fee',
      'North',
      'ten twelve',
      'Fees rose.',
      'Per the harbour board.',
      'fee = 12',
    ]);
  });

  test('keeps prose and the text inside inline tags, drops HTML blocks, leaves an unknown wikilink as written', () => {
    expect(
      markdownToPlainText(
        '# Head\n\nA *b* [link](x) [[gone]].\n\n<b>bold</b>\n\n<script>\nx()\n</script>',
        () => undefined,
      ),
    ).toBe('Head A b link [[gone]]. bold');
  });
});

describe('searchLanguage', () => {
  test('is the primary language subtag in lower case', () => {
    expect(searchLanguage('pt-BR')).toBe('pt');
    expect(searchLanguage('EN')).toBe('en');
    expect(searchLanguage('')).toBe('en');
  });
});
