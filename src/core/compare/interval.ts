/**
 * A range or interval as text: 'low to high'. A hyphen would make '-5--2' of a negative
 * interval, which neither a reader nor a spreadsheet reads back.
 */
export function interval(low: unknown, high: unknown): string {
  return `${String(low ?? '')} to ${String(high ?? '')}`;
}
