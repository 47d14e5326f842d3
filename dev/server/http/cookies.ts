/** The host system's session cookie; its value is the WebSocket token. */
export const TOKEN_COOKIE = 'USERTOKEN';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/**
 * Not HttpOnly on purpose: the host app's own scripts read `USERTOKEN` to open their socket,
 * and the demo must look like the host. Tokens are cookie-safe: JWTs are checked when users
 * load, sessions are base64url.
 */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; SameSite=Lax`;
}

export function clearedTokenCookie(): string {
  return `${TOKEN_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
}
