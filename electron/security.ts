/**
 * The Content-Security-Policy of every Sanad page, desktop and browser mode alike: only the
 * app's own scripts, fonts and API; no inline script, no remote anything. Inline styles stay
 * allowed because AG Grid and React set element styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What a page asks for when it would open a new window (Electron's HandlerDetails, the part read here). */
export interface NewWindowRequest {
  url: string;
  /** How it was asked: a link with target=_blank ('foreground-tab'), a middle click ('background-tab'), a shift click ('new-window'), window.open ('new-window' or 'other'). */
  disposition?: string;
}

/**
 * The desktop app's answer to every request for a new window: refused. A middle click on a link
 * (the `auxclick` event, which fires instead of `click`) arrives here as a 'background-tab'
 * request, exactly as a click on a target=_blank link arrives as a 'foreground-tab' one; both get
 * the same answer, as does a plain click that would navigate away (refused by `will-navigate`).
 * Sanad opens no page but its own, and shows an article's address as text, never as a link.
 */
export function refuseNewWindow(_request: NewWindowRequest): { action: 'deny' } {
  return { action: 'deny' };
}
