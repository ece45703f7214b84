// Made-up clients of the demo EHR. Every name, date and number here is fictional.
// Hope Alvarez is deliberate: a first name that is also an English word ("expressed hope").

/** @type {ReadonlyArray<{ id: string, firstName: string, lastName: string, name: string, dob: string, mrn: string, program: string, clinician: string }>} */
export const CLIENTS = Object.freeze(
  [
    ['c1', 'Dana', 'Reyes', '03/14/1988', '100234', 'IOP – Mood'],
    ['c2', 'Marcus', 'Lee', '11/02/1975', '100487', 'IOP – Mood'],
    ['c3', 'Hope', 'Alvarez', '07/22/1993', '100512', 'IOP – Mood'],
    ['c4', 'Priya', 'Natarajan', '01/09/1990', '100638', 'Outpatient'],
    ['c5', 'Tomás', 'Ortega', '05/30/1982', '100701', 'IOP – Substance use'],
    ['c6', 'Jordan', 'Whitfield', '09/17/2001', '100759', 'Outpatient'],
    ['c7', 'Keisha', 'Brown', '12/05/1979', '100822', 'IOP – Substance use'],
    ['c8', 'Samuel', "O'Neill", '04/26/1968', '100913', 'Outpatient'],
    ['c9', 'Aiyana', 'Begay', '08/11/1996', '101027', 'IOP – Mood'],
    ['c10', 'Wen', 'Zhou', '02/19/1985', '101134', 'IOP – Mood'],
    ['c11', 'Fatima', 'Haddad', '06/03/1991', '101245', 'Outpatient'],
    ['c12', 'Luis', 'Ferreira', '10/28/1973', '101388', 'IOP – Substance use'],
  ].map(([id, firstName, lastName, dob, mrn, program]) =>
    Object.freeze({
      id,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      dob,
      mrn,
      program,
      clinician: 'J. Morgan, LCSW',
    }),
  ),
);

/** @param {string} id */
export function findClient(id) {
  return CLIENTS.find((c) => c.id === id);
}

export const CPT_CODES = Object.freeze([
  Object.freeze({ code: '90853', label: '90853 Group psychotherapy' }),
  Object.freeze({ code: '90834', label: '90834 Psychotherapy, 45 min' }),
  Object.freeze({ code: '90837', label: '90837 Psychotherapy, 60 min' }),
]);

export const CLINIC_NAME = 'Riverbend Behavioral Health';
export const LOGGED_IN_AS = 'jmorgan, LCSW';
