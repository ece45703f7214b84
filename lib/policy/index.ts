export * from './policy';
export { readManagedPolicy } from './managed';
