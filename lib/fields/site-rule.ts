/**
 * Where a remembered field choice applies: the page's origin plus a path pattern in which id-like segments
 * (anything with a digit: "/clients/c1/notes/new", "/patient/48213/progress") become "*", so the rule made on one
 * client's chart applies to every client's chart.
 */
export function pathPattern(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) ? '*' : segment))
    .join('/');
}

export function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.origin}${pathPattern(u.pathname)}`;
  } catch {
    return null;
  }
}

/** Does a page key (origin + pattern) match this URL? */
export function keyMatches(key: string, url: string): boolean {
  return pageKey(url) === key;
}
