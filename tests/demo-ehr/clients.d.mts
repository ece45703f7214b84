export interface DemoClient {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  /** "First Last" */
  readonly name: string;
  /** mm/dd/yyyy */
  readonly dob: string;
  readonly mrn: string;
  readonly program: string;
  readonly clinician: string;
}
export const CLIENTS: ReadonlyArray<DemoClient>;
export function findClient(id: string): DemoClient | undefined;
export const CPT_CODES: ReadonlyArray<{ readonly code: string; readonly label: string }>;
export const CLINIC_NAME: string;
export const LOGGED_IN_AS: string;
