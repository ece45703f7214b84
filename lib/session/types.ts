import type { BackupExport, ImportResult } from '@/lib/backup';
import type { Kdf } from '@/lib/crypto';
import type { Codec, InvalidRecord, PreferenceValues, PurgeItem, Rekeyed } from '@/lib/db';
import type { Entry, Group, Session } from '@/lib/model';

export interface NotesState {
  /** `locked`: encryption is on and this panel holds no key; nothing clinical is in its state. */
  status: 'loading' | 'locked' | 'ready' | 'error';
  error?: string;
  session?: Session;
  entries: Entry[];
  sessions: Session[];
  invalid: InvalidRecord[];
  saveError?: string;
  /** Encryption at rest is on. */
  encrypted: boolean;
  preferences: PreferenceValues;
  /** Completed sessions deleted by the retention purge when this panel opened. */
  purged: number;
  /** Why the panel locked, when it was not the clinician's own doing. */
  lockNotice?: string;
  /** Another window's later edit replaced this panel's text in a field. */
  syncNotice?: string;
  /** Recurring groups, to start a new session from. */
  groups: Group[];
}

export interface NotesActions {
  updateSession(patch: Partial<Omit<Session, 'clinical'>> & { clinical?: Partial<Session['clinical']> }): void;
  updateEntry(id: string, patch: Partial<Omit<Entry, 'clinical'>> & { clinical?: Partial<Entry['clinical']> }): void;
  /** Adds an empty member and returns its entry id (none while no session is open). */
  addMember(): string | undefined;
  removeMember(id: string): void;
  /** Sets (or, with undefined, clears) a member's chart link, in the session and in its recurring group's roster. */
  setChartLink(entryId: string, url: string | undefined): void;
  startNewSession(): Promise<void>;
  openSession(id: string): Promise<void>;
  flush(): Promise<void>;
  /** Resolves to an error message to show, or undefined when unlocked. */
  unlock(passphrase: string): Promise<string | undefined>;
  lock(): Promise<void>;
  /** Saves the open session's group, roster, defaults and goals as a recurring group. */
  saveGroup(): Promise<void>;
  startFromGroup(groupId: string): Promise<void>;
  /** Past sessions by group or member name; reads all entries on first use. */
  searchHistory(query: string): Promise<Session[]>;
}

/** What the "Security and backup" section does. Each throws a typed error whose message is safe to show. */
export interface SecurityActions {
  enableEncryption(passphrase: string): Promise<Rekeyed>;
  changePassphrase(current: string, next: string): Promise<Rekeyed>;
  savePreferences(values: PreferenceValues): Promise<void>;
  previewPurge(retentionDays: number): Promise<PurgeItem[]>;
  exportBackup(passphrase: string): Promise<BackupExport>;
  importBackup(fileText: string, passphrase: string): Promise<ImportResult>;
  /** The codec records are sealed with now (other stores, like the site rules, use it too); null while locked. */
  codec(): Codec | null;
}

export interface NotesStoreOptions {
  /** Tests: another database and a cheaper key derivation. The panel uses the defaults. */
  dbName?: string;
  kdf?: Kdf;
}
