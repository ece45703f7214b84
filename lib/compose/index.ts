export * from './template';
export * from './values';
export * from './compose';
export { plainTemplate } from './templates/plain';
