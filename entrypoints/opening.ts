import { defineUnlistedScript } from '#imports';
import { startEarlyOpening } from '@/lib/db/early-opening';

// Loaded by the side panel's <head> as a classic script: runs while the panel's modules are still loading.
export default defineUnlistedScript(() => startEarlyOpening());
