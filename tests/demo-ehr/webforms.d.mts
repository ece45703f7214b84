import type { DemoClient } from './clients.mjs';

export const WEBFORMS_VARIANT: 'webforms-quirks';
/** '/webforms/ProgressNote.aspx?ClientID=<id>' */
export function webformsPath(clientId: string): string;
/** The whole page, with no doctype (quirks mode). */
export function webformsPage(client: DemoClient): string;
