import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, migrate, type NotesDB, type NotesDatabase } from './schema';

/** Opens (and migrates) the notes database. Tests pass their own IDBFactory and name. */
export function openNotesDb(name = DB_NAME): Promise<NotesDatabase> {
  return openDB<NotesDB>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => migrate(db, oldVersion, tx),
    blocked: () => undefined,
  });
}
