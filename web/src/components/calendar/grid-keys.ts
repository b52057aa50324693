/** Keyboard moves over a grid of days: the next day gets the focus once the view shows it. */
import { tick } from 'svelte';
import { moveByKey } from '../../lib/calendar';

export function gridKeydown(event: KeyboardEvent, focus: string, onfocus: (date: string) => void, grid: HTMLElement | undefined): void {
  const next = moveByKey(focus, event.key, event.shiftKey);
  if (!next) return;
  event.preventDefault();
  onfocus(next);
  // The view may change month or year first: focus the day once it is on the page.
  void tick().then(() => grid?.querySelector<HTMLElement>(`[data-date="${next}"]`)?.focus());
}
