import type { Source } from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "23 February 2021", or "about 24 February 2021" for an inferred date. */
export function formatSourceDate(source: Pick<Source, 'date' | 'dateApproximate'>): string {
  const [y, m, d] = source.date.split('-').map(Number) as [number, number, number];
  return `${source.dateApproximate ? 'about ' : ''}${d} ${MONTHS[m - 1]} ${y}`;
}

/** "China News Service, 23 February 2021" */
export function formatSource(source: Source): string {
  return `${source.outlet}, ${formatSourceDate(source)}`;
}
