// Kept apart from schema.ts so code that must stay tiny (the panel's early read) can know them without the schemas.
export const DB_NAME = 'group-notes';
/** Bump by one for every schema change and add a step to `migrate` in schema.ts; never edit a released step. */
export const DB_VERSION = 3;
