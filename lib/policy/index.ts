export * from './policy';
export * from './sites';
export * from './merge';
export { readManagedPolicy } from './managed';
