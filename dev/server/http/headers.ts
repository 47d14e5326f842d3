/**
 * The demo page's CSP: scripts and styles from the server only. Element UI sets styles through
 * the CSSOM (allowed) and embeds a few `data:` images in its theme.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  // The demo shell frames the admin pages, and the page of "another site" under the other loopback name.
  "frame-src 'self' http://localhost:* http://127.0.0.1:*",
  // A portal of "another site" (the other loopback name) may frame the admin pages too.
  "frame-ancestors 'self' http://localhost:* http://127.0.0.1:*",
].join('; ');

/** For the page that plays another system's: any page may frame it (the demo shell, from the other host name). */
export const FRAMEABLE_CSP = PAGE_CSP.replace(/frame-ancestors [^;]*/, 'frame-ancestors *');

export const commonHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

export const htmlHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': PAGE_CSP,
  'Referrer-Policy': 'same-origin',
};

/** `htmlHeaders` for a page any site may frame (CSP `frame-ancestors` alone decides; no X-Frame-Options). */
export const frameableHtmlHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': FRAMEABLE_CSP,
  'Referrer-Policy': 'same-origin',
};
