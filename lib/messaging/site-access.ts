import { browser } from 'wxt/browser';

/** The sites the extension may reach from install: only the bundled demo EHR on this computer. */
export const BUILT_IN_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The permission pattern for a page's site ("https://ehr.example.org/*"), or null for pages that are not websites. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Sites the clinician enabled (the demo's built-in access is not listed: it cannot be revoked). */
export async function enabledSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => !BUILT_IN_ORIGINS.includes(o)).sort();
}

export async function canReach(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  return pattern ? browser.permissions.contains({ origins: [pattern] }) : false;
}

/** Asks the browser for access to one site; must run in a click handler (the browser shows its own prompt). */
export async function enableSite(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (!pattern) return false;
  return browser.permissions.request({ origins: [pattern] });
}

export async function revokeSite(pattern: string): Promise<boolean> {
  if (BUILT_IN_ORIGINS.includes(pattern)) return false;
  return browser.permissions.remove({ origins: [pattern] });
}
