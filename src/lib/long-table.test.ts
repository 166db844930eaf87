import { describe, expect, test } from 'vitest';
import { OPEN_TABLE_ROWS, relationTableSummary, tableStartsOpen } from './long-table.ts';

describe('tableStartsOpen', () => {
  test('open up to the limit, closed past it', () => {
    expect(tableStartsOpen(0)).toBe(true);
    expect(tableStartsOpen(OPEN_TABLE_ROWS)).toBe(true);
    expect(tableStartsOpen(OPEN_TABLE_ROWS + 1)).toBe(false);
    expect(tableStartsOpen(5, 4)).toBe(false);
  });
});

describe('relationTableSummary', () => {
  test('counts the relations', () => {
    expect(relationTableSummary(3000)).toBe('The table of all 3000 relations');
    expect(relationTableSummary(1)).toBe('The table of the one relation');
  });
});
