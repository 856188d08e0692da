/** The list with `item` inserted after `index` (at the end when `index` is the last or out of range). */
export function insertAfter<T>(list: T[], index: number, item: T): T[] {
  if (index < 0 || index >= list.length) return [...list, item];
  return [...list.slice(0, index + 1), item, ...list.slice(index + 1)];
}
