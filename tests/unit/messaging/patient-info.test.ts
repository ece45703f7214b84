import { afterEach, describe, expect, it } from 'vitest';
import { readPatientOnPage } from '@/lib/fields/patient';
import { PatientInfoSchema } from '@/lib/messaging/protocol';

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('PatientInfoSchema', () => {
  it('carries what readPatientOnPage reads, title and ambiguity included', () => {
    document.title = `Reyes, Dana \u2014 ${'chart '.repeat(60)}`;
    document.body.innerHTML = `<header>Patient: Dana Reyes</header><div class="patient-banner">Patient: Marcus Lee</div>`;
    const patient = readPatientOnPage(document);
    expect(patient.ambiguous).toBe(true);
    expect(PatientInfoSchema.safeParse(patient).success).toBe(true);
  });

  it('rejects a title over 200 characters, a non-boolean ambiguity and unknown keys', () => {
    expect(PatientInfoSchema.safeParse({ title: 'x'.repeat(200) }).success).toBe(true);
    expect(PatientInfoSchema.safeParse({ title: 'x'.repeat(201) }).success).toBe(false);
    expect(PatientInfoSchema.safeParse({ ambiguous: 'yes' }).success).toBe(false);
    expect(PatientInfoSchema.safeParse({ name: 'Dana Reyes', extra: 1 }).success).toBe(false);
  });
});
