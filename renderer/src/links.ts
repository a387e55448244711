/**
 * A middle click on a link does what a click does, and nothing more. Browsers fire `auxclick`
 * (not `click`) for the middle button and open the link in a new tab or window: in browser mode
 * a tab that has not this tab's token (it lives in sessionStorage, per tab), in the desktop app a
 * request for a window (which the main process refuses). Here it is turned into the link's
 * click, so both buttons take the one path the app defines for links.
 */
export function routeMiddleClicksLikeClicks(root: Pick<Document, 'addEventListener'>): void {
  root.addEventListener(
    'auxclick',
    (event) => {
      if (event.button !== 1) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!link) return;
      event.preventDefault();
      (link as HTMLElement).click();
    },
    { capture: true },
  );
}
