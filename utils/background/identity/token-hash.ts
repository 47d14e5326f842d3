/**
 * SHA-256 of the token, hex, cut to 32 characters: enough to tell two sign-ins apart, and one way,
 * so storing it says nothing usable about the token itself.
 */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 32);
}
