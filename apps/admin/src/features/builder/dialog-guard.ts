/*
 * While a dialog is open (the shortcut sheet, step search, a version diff, any Modal) the canvas is
 * behind it: the builder's keys and clipboard events must not copy, paste, duplicate or delete steps
 * the person can't see. Generic (any dialog in the page), so a new dialog needs nothing to opt in.
 */

/** A modal dialog: the page behind it is out of reach until it closes. */
const MODAL_DIALOG = '[aria-modal="true"]';
/** Any dialog, modal or not: keys pressed in one are meant for it. */
const ANY_DIALOG = '[role="dialog"], [role="alertdialog"]';

/**
 * Whether a key press or clipboard event must leave the canvas alone: it happened inside a dialog,
 * or a modal dialog is open (the focus may have fallen back to the page body behind it). Pure: the
 * caller says whether a modal is open (see modalDialogOpen).
 */
export function behindDialog(target: EventTarget | null, modalOpen: boolean): boolean {
  if (modalOpen) return true;
  // Text nodes and the window have no closest(); only elements can be in a dialog.
  const el = target as { closest?: (selector: string) => unknown } | null;
  return typeof el?.closest === "function" && Boolean(el.closest(ANY_DIALOG));
}

/** Whether a modal dialog is in the page now (they render only while open). */
export function modalDialogOpen(): boolean {
  return typeof document !== "undefined" && document.querySelector(MODAL_DIALOG) !== null;
}

/**
 * For the canvas' onBeforeDelete: React Flow's Delete and Backspace keys listen on the document, so a
 * dialog can't stop them; this vetoes the deletion they ask for while one is open.
 */
export async function allowCanvasDelete(): Promise<boolean> {
  return !behindDialog(document.activeElement, modalDialogOpen());
}
