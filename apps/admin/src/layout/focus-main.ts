export const MAIN_CONTENT_ID = 'main-content';

/** Moves keyboard and screen-reader focus to the page's <main> (skip link, page changes). */
export function focusMainContent(): void {
  const main = document.getElementById(MAIN_CONTENT_ID);
  if (!main) return;
  main.focus({ preventScroll: false });
}
