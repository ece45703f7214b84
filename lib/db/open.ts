import { openDB, wrap } from 'idb';
import { DB_NAME, DB_VERSION, migrate, type NotesDB, type NotesDatabase } from './schema';

/** Opens (and migrates) the notes database. Tests pass their own IDBFactory and name. */
export function openNotesDb(name = DB_NAME): Promise<NotesDatabase> {
  return openDB<NotesDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, oldVersion, tx),
    blocked: () => undefined,
  });
}

const shared = new Map<string, Promise<NotesDatabase>>();

/**
 * One connection per database for the whole panel (its hooks share it), instead of one each. `opened`, when given,
 * is a connection already open at the current version (the early opening's): taken over instead of opening another.
 */
export function sharedNotesDb(name = DB_NAME, opened?: Promise<IDBDatabase | null>): Promise<NotesDatabase> {
  let db = shared.get(name);
  if (!db) {
    const openNew = () => openNotesDb(name);
    db = opened ? opened.then((raw) => (raw ? (wrap(raw) as unknown as NotesDatabase) : openNew()), openNew) : openNew();
    shared.set(name, db);
    db.catch(() => shared.delete(name));
  }
  return db;
}
