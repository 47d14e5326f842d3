/**
 * Warnings about a server address that is valid but probably not what the user wants. Pure.
 * - `insecure`: `ws:` to another machine sends the sign-in token unencrypted over the network.
 * - `has-token`: Roster appends `?token=` itself; a token typed into the address would be a stale copy.
 */
export type ServerUrlWarning = 'insecure' | 'has-token';

function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function serverUrlWarnings(text: string): ServerUrlWarning[] {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return [];
  }
  const warnings: ServerUrlWarning[] = [];
  if (url.protocol === 'ws:' && !isLocalHost(url.hostname)) warnings.push('insecure');
  if ((url.protocol === 'ws:' || url.protocol === 'wss:') && url.searchParams.has('token')) warnings.push('has-token');
  return warnings;
}
