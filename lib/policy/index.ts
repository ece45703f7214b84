export * from './policy';
export * from './sites';
export { readManagedPolicy } from './managed';
