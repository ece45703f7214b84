export * from './schema';
export * from './open';
export * from './repository';
export * from './autosave';
