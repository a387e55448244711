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
