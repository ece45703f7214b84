import { useEffect, useState } from 'preact/hooks';
import type { PolicyReading } from '@/lib/policy/policy';

const NONE: PolicyReading = { values: {}, problems: [] };
/** Read once per panel: a policy changes when IT pushes one, and the panel is reopened far more often than that. */
let reading: Promise<PolicyReading> | undefined;

/** The clinic's policy (no settings until it has been read, and when there is none). */
export function useClinicPolicy(): PolicyReading {
  const [policy, setPolicy] = useState<PolicyReading>(NONE);
  useEffect(() => {
    let current = true;
    // Loaded when first needed: the reader (zod schemas) is not part of what the panel needs to open.
    (reading ??= import('@/lib/policy/managed').then((m) => m.readManagedPolicy())).then((p) => current && setPolicy(p), () => undefined);
    return () => {
      current = false;
    };
  }, []);
  return policy;
}

/** Tests only: forget the reading so the next panel reads the policy again. */
export function forgetClinicPolicy(): void {
  reading = undefined;
}
