export * from './types';
export * from './controller';
