// Wording shared by the command line and the reports: dates only as precise as they are known.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 January 2025", "February 2025", "2025", or "date not given" — never a made-up day. */
export function formatDate(start: unknown, precision: unknown): string {
  if (typeof start !== 'string' || !start) return 'date not given';
  const [y, m, d] = start.split('-');
  const month = MONTHS[Number(m) - 1] ?? '';
  if (precision === 'year') return y!;
  if (precision === 'month') return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
