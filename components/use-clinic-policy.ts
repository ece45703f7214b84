import { useEffect, useState } from 'preact/hooks';
import type { PolicyReading } from '@/lib/policy/policy';

export interface ClinicPolicyState extends PolicyReading {
  /** False until the browser has answered: what the policy forbids must not flash up before it is known. */
  loaded: boolean;
}

const NONE: ClinicPolicyState = { values: {}, problems: [], loaded: false };
/** Read once per panel: a policy changes when IT pushes one, and the panel is reopened far more often than that. */
let reading: Promise<PolicyReading> | undefined;

/** The clinic's policy (no settings until it has been read, and when there is none). */
export function useClinicPolicy(): ClinicPolicyState {
  const [policy, setPolicy] = useState<ClinicPolicyState>(NONE);
  useEffect(() => {
    let current = true;
    // Loaded when first needed: the reader (zod schemas) is not part of what the panel needs to open.
    (reading ??= import('@/lib/policy/managed').then((m) => m.readManagedPolicy())).then(
      (p) => current && setPolicy({ ...p, loaded: true }),
      () => current && setPolicy({ ...NONE, loaded: true }),
    );
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
