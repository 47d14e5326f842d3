/**
 * The "who am I" address as fetched: a path is taken on the sign-in site, so a policy can say
 * `/api/user/info` for every deployment. Empty when unset or when a path has no site to go on. Pure.
 */
export function identityUrl(setting: string, siteUrl: string): string {
  if (!setting) return '';
  if (!setting.startsWith('/')) return setting;
  try {
    return new URL(setting, siteUrl).href;
  } catch {
    return '';
  }
}
