export * from './errors';
export * from './format';
export * from './backup';
