import type { ClinicPolicy } from './policy';

// Apart from the reader (zod): the panel's first screen needs these, the reader only once the policy is read.

/**
 * May the clinician enable the extension on this page's site? Every site when the clinic sets no list; otherwise
 * only a listed origin (scheme, host and port alike). A page that is not a website never.
 */
export function siteAllowed(pageUrl: string, policy: ClinicPolicy): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return policy.allowedSites === undefined || policy.allowedSites.includes(url.origin);
}

/**
 * Is a granted host permission (`https://ehr.example.org/*`) within the clinic's list? Permission patterns carry no
 * port, so a listed origin on any port of that scheme and host counts.
 */
export function permissionAllowed(pattern: string, policy: ClinicPolicy): boolean {
  if (policy.allowedSites === undefined) return true;
  const match = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  if (!match) return false;
  return policy.allowedSites.some((origin) => {
    const url = new URL(origin);
    return url.protocol === `${match[1]}:` && url.hostname === match[2]!.toLowerCase();
  });
}
