import type { Server } from 'node:http';

export interface SavedNote {
  id: string;
  /** The note as the editor variant reported it: plain text, "\n" line breaks. */
  text: string;
  cptCode: string;
  /** YYYY-MM-DD or '' */
  date: string;
  /** ISO timestamp */
  savedAt: string;
  chiefComplaint: string;
  /** the editor variant the note was saved from */
  editor: string;
}

export interface DemoServer {
  /** e.g. 'http://127.0.0.1:4780' (no trailing slash) */
  url: string;
  port: number;
  server: Server;
  /** Notes saved for a client on this server instance, oldest first (copies). */
  savedNotes(clientId: string): SavedNote[];
  clearNotes(): void;
  close(): Promise<void>;
}

export function startDemoServer(options?: { port?: number; host?: string }): Promise<DemoServer>;
export function listVariants(): string[];
export function resolveInside(root: string, encodedPath: string): string | null;
export function escapeHtml(value: unknown): string;
export const PUBLIC_DIR: string;
export const VARIANTS_DIR: string;
export const NODE_MODULES_DIR: string;
export const DEFAULT_EDITOR: string;
