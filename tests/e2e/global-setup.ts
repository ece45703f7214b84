// Once per e2e run: bundle the demo EHR's npm-editor variants (skipped when the bundles are up to date).
import { buildVariants } from '../demo-ehr/build-variants.mjs';

export default async function setup(): Promise<void> {
  await buildVariants({ quiet: true });
}
