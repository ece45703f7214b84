// Entry for the benchmark's page bundle (tests/bench/bundle.mjs → IIFE global `GnfFields`): the same field engine
// the content script ships, plus the main-world bridge the panel injects for TinyMCE / CKEditor.
export { adapterFor, findCandidates, fillField, readField } from '@/lib/fields';
export { mainWorldFill } from '@/lib/fields/main-world/bridge';
export { bridgeOf, IN_PAGE_BRIDGES } from '@/lib/fields/main-world/target';
