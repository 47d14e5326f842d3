/** Extension backgrounds connect with their own origin; which extension it is, we cannot know. */
const extensionOrigin = /^(chrome|moz)-extension:\/\/[^/\s]+$/;

/**
 * Whether a WebSocket handshake's `Origin` may connect. No header means a non-browser client
 * (bots, tests, curl), which could forge any origin anyway; the check only stops web pages
 * from riding a signed-in user's token.
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  return extensionOrigin.test(origin) || allowed.includes(origin);
}
