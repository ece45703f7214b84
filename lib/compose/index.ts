export * from './template';
export * from './values';
export * from './compose';
export { BUILT_IN_TEMPLATES } from './templates';
export { plainTemplate } from './templates/plain';
export * from './template-schema';
export * from './custom';
export { groupPageTexts } from './group-page';
