import { useRef } from 'preact/hooks';
import type { DropPlace } from '@/lib/order/account-sort';

/** Our own type: a dragged row is no text another application could receive. */
const DRAG_TYPE = 'application/x-twofold-account';

export type DropHandler = (dragged: string, target: string, place: DropPlace) => void;

function rowOf(target: EventTarget | null): HTMLElement | undefined {
  return (target instanceof Element ? target.closest<HTMLElement>('li[data-account-id]') : null) ?? undefined;
}

/** The upper half of a row puts the dragged one before it, the lower half after. */
function placeIn(row: HTMLElement, clientY: number): DropPlace {
  const box = row.getBoundingClientRect();
  return clientY < box.top + box.height / 2 ? 'before' : 'after';
}

/**
 * Drag-and-drop reordering of the account rows, from each row's handle (`data-role="drag"`):
 * a mouse or touch shortcut for Move up/down, which stay the keyboard's way. A row drops only
 * among its own group's rows (its own list); the row under the pointer shows where.
 */
export function useDragReorder(enabled: boolean, onDrop: DropHandler) {
  const dragged = useRef<HTMLElement | undefined>();
  const marked = useRef<HTMLElement | undefined>();

  function mark(row?: HTMLElement, place?: DropPlace) {
    if (marked.current && (marked.current !== row || !place)) delete marked.current.dataset.drop;
    if (row && place) row.dataset.drop = place;
    marked.current = place ? row : undefined;
  }

  function end() {
    mark();
    dragged.current?.classList.remove('dragging');
    dragged.current = undefined;
  }

  /** The row a drop may land on: another row of the same list. */
  function targetOf(event: DragEvent): HTMLElement | undefined {
    const row = rowOf(event.target);
    const from = dragged.current;
    return row && from && row !== from && row.parentElement === from.parentElement ? row : undefined;
  }

  if (!enabled) return {};
  return {
    onDragStart(event: DragEvent) {
      const handle = event.target instanceof Element ? event.target.closest('[data-role="drag"]') : null;
      const row = rowOf(handle);
      if (!row || !event.dataTransfer) return;
      dragged.current = row;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData(DRAG_TYPE, row.dataset.accountId ?? '');
      event.dataTransfer.setDragImage(row, 12, 12);
      row.classList.add('dragging');
    },
    onDragOver(event: DragEvent) {
      const row = targetOf(event);
      if (!row) return mark();
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      mark(row, placeIn(row, event.clientY));
    },
    onDrop(event: DragEvent) {
      const row = targetOf(event);
      const from = dragged.current?.dataset.accountId;
      if (row && from) {
        event.preventDefault();
        onDrop(from, row.dataset.accountId ?? '', placeIn(row, event.clientY));
      }
      end();
    },
    onDragEnd: end,
  };
}
