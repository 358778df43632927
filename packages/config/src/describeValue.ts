/** Short descriptions of values for error messages ("a list", "the string \"x\""). */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value instanceof Date) return 'a date';
  return `the ${typeof value} ${String(value)}`;
}
