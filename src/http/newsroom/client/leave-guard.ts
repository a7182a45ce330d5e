import { t } from './boot.ts';

/** Whether the screen on show holds edits not yet saved; null when it keeps none. */
let unsaved: (() => boolean) | null = null;

/** A screen with a form registers how to tell that leaving it would lose edits. */
export function guardLeaving(hasUnsaved: () => boolean): void {
  unsaved = hasUnsaved;
}

/**
 * Asks before a route change would drop unsaved edits. True when the screen may go; the guard
 * then ends with it, so the next screen starts without one.
 */
export function mayLeave(): boolean {
  if (unsaved?.() && !confirm(t('unsavedLeave'))) return false;
  unsaved = null;
  return true;
}

// Closing the tab, reloading or following a link out of the newsroom: the browser asks in its own words.
window.addEventListener('beforeunload', (ev) => {
  if (!unsaved?.()) return;
  ev.preventDefault();
  ev.returnValue = '';
});
