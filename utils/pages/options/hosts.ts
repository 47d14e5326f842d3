/** "https://admin.example.com/*" or "http://localhost:8787/" → the host a person recognises. Pure. */
export function hostOf(patternOrUrl: string): string {
  return /^[a-z*]+:\/\/([^/]+)/i.exec(patternOrUrl)?.[1] ?? patternOrUrl;
}

/** Several of them, once each, for a sentence ("Needed for: a.example.com, b.example.com"). */
export function hostList(patterns: readonly string[]): string {
  return [...new Set(patterns.map(hostOf))].join(', ');
}
