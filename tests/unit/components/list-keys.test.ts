import { describe, expect, it } from 'vitest';
import { rowKeyTarget, searchKeyAction } from '@/components/list-keys';

describe('searchKeyAction', () => {
  it.each([
    ['Enter with one match copies it', 'Enter', 1, { kind: 'copy', index: 0 }],
    ['Enter with several matches does nothing', 'Enter', 3, undefined],
    ['Enter with no match does nothing', 'Enter', 0, undefined],
    ['the down arrow enters the list', 'ArrowDown', 3, { kind: 'focus', index: 0 }],
    ['the down arrow with nothing listed stays', 'ArrowDown', 0, undefined],
    ['the up arrow stays in the field', 'ArrowUp', 3, undefined],
    ['a letter is typing', 'a', 1, undefined],
  ])('%s', (_name, key, matches, expected) => {
    expect(searchKeyAction(key, matches)).toEqual(expected);
  });
});

describe('rowKeyTarget', () => {
  it.each([
    ['down to the next row', 'ArrowDown', 0, 5, 1],
    ['down on the last row stays', 'ArrowDown', 4, 5, undefined],
    ['up to the previous row', 'ArrowUp', 3, 5, 2],
    ['up on the first row goes back to search', 'ArrowUp', 0, 5, 'search'],
    ['Home to the first', 'Home', 3, 5, 0],
    ['End to the last', 'End', 1, 5, 4],
    ['other keys are the control’s own', 'Enter', 1, 5, undefined],
    ['a row that is not in the list', 'ArrowDown', -1, 5, undefined],
    ['an empty list', 'ArrowDown', 0, 0, undefined],
  ])('%s', (_name, key, index, count, expected) => {
    expect(rowKeyTarget(key, index, count)).toBe(expected);
  });
});
