/** The partial-date module: parse authored dates, compare them, format them for readers. */
export type { Interval } from './compare.ts';
export { compareDates, intervalOf, isBefore, overlaps } from './compare.ts';
export type { FormatOptions } from './format.ts';
export { formatApproximate, formatDate, formatRange, toDatetimeAttr } from './format.ts';
export type { DateResult } from './parse.ts';
export { EXPECTED_DATE, parseDate } from './parse.ts';
export type { PartialDate, Precision } from './types.ts';
