export const BROWSER_CANDIDATES: string[];
/** $CHROME_PATH (when it exists), the usual install locations, then chromium/chrome on PATH; null when none. */
export function findBrowser(env?: Record<string, string | undefined>): string | null;
/** Why no browser was found and how to install one. */
export function browserHelp(env?: Record<string, string | undefined>): string;
/** Branded Google Chrome (137+) ignores --load-extension. */
export function isBrandedChrome(browserPath: string): boolean;
/** Headless test/bench flags: load only our extension, keep Chromium off the network. */
export function extensionArgs(extensionPath: string): string[];
/** The first executable of `explicit` (when set, it wins or null), `candidates`, then `pathNames` on PATH. */
export function findExecutable(options: { explicit?: string; candidates: string[]; pathNames: string[]; env?: Record<string, string | undefined> }): string | null;
