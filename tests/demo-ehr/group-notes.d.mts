import type { DemoClient } from './clients.mjs';

export const GROUP_LAYOUTS: Record<string, (clients: DemoClient[]) => string>;
export function groupPage(layout: string, searchParams: URLSearchParams): string | null;
