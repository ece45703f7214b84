export const FIREFOX_CANDIDATES: string[];
/** $FIREFOX_PATH (when it exists), the usual install locations, then firefox-esr/firefox on PATH; null when none. */
export function findFirefox(env?: Record<string, string | undefined>): string | null;
/** Why no Firefox was found and how to install one. */
export function firefoxHelp(env?: Record<string, string | undefined>): string;
