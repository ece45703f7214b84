export * from './schemas';
export * from './factory';
export * from './validate';
export * from './groups';
export * from './labels';
