/**
 * Keyboard paths through the popup's list, as pure decisions (the view moves the focus).
 * From search: Enter copies the only match, the down arrow enters the list. In the list: the up
 * and down arrows go from account to account (up from the first goes back to search), Home and
 * End to the first and last.
 */

export type SearchKeyAction = { kind: 'copy'; index: 0 } | { kind: 'focus'; index: number } | undefined;

export function searchKeyAction(key: string, matches: number): SearchKeyAction {
  if (key === 'Enter' && matches === 1) return { kind: 'copy', index: 0 };
  if (key === 'ArrowDown' && matches > 0) return { kind: 'focus', index: 0 };
  return undefined;
}

/** Where a key pressed on row `index` of `count` sends the focus: a row, the search field, or nowhere. */
export function rowKeyTarget(key: string, index: number, count: number): number | 'search' | undefined {
  if (count === 0 || index < 0 || index >= count) return undefined;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < count ? index + 1 : undefined;
    case 'ArrowUp':
      return index > 0 ? index - 1 : 'search';
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
