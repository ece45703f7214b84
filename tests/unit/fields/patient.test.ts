import { afterEach, describe, expect, it } from 'vitest';
import { matchPatient, readPatientOnPage } from '@/lib/fields/patient';
import { page } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readPatientOnPage', () => {
  it('"Label: value" text in a header bar', () => {
    page(`<header><div class="topbar">
      <span>Patient: Reyes, Dana M.</span> <span>DOB: 03/14/1985</span> <span>MRN: 000123</span>
      <span>Provider name: Sam Ortiz</span></div></header>
      <main><textarea></textarea></main>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Reyes, Dana M.', dob: '03/14/1985', mrn: '000123' });
  });

  it('one line of header text with several labels', () => {
    page(`<div id="chartHeader">Name: Dana Reyes  Date of birth: 1985-03-14  Chart #: A-4471  Age: 40</div>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Dana Reyes', dob: '1985-03-14', mrn: 'A-4471' });
  });

  it('dt/dd pairs', () => {
    page(`<dl><dt>Client name</dt><dd>Dana Reyes</dd><dt>D.O.B.</dt><dd>Mar 14, 1985</dd>
      <dt>Medical record #</dt><dd>MR-00123</dd></dl>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Dana Reyes', dob: 'Mar 14, 1985', mrn: 'MR-00123' });
  });

  it('table label/value cells', () => {
    page(`<table><tr><th>Patient</th><td>LEE, MARCUS</td><th>DOB</th><td>01/05/1990 (35 y)</td></tr></table>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'LEE, MARCUS', dob: '01/05/1990' });
  });

  it('elements marked by id/class', () => {
    page(`<div class="pt-banner"><h2 class="patient-name">Dana Reyes</h2>
      <span id="ptDOB">03/14/1985</span><span class="patient-mrn">MRN 000123</span></div>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Dana Reyes', dob: '03/14/1985', mrn: '000123' });
  });

  it('a bare name heading in a patient banner', () => {
    page(`<div class="patient-header"><h1>Reyes, Dana</h1><span>40 y, F</span></div>`);
    expect(readPatientOnPage(document).name).toBe('Reyes, Dana');
  });

  it('does not take a provider, group or user name for the patient', () => {
    page(`<header>Provider name: Sam Ortiz | Group name: Coping Skills | Logged in as: jdoe</header>`);
    expect(readPatientOnPage(document)).toEqual({});
  });

  it('ignores a list of many patients, but still reads the chart header', () => {
    page(`<ul class="schedule"><li class="patient-name">Marcus Lee</li><li class="patient-name">Ana Ruiz</li></ul>`);
    expect(readPatientOnPage(document).name).toBeUndefined();
    document.body.insertAdjacentHTML('afterbegin', `<header>Patient: Dana Reyes</header>`);
    expect(readPatientOnPage(document).name).toBe('Dana Reyes');
  });

  it('finds nothing on a page without a patient', () => {
    page(`<h1>Progress notes</h1><p>Choose a client to begin.</p><textarea></textarea>`);
    expect(readPatientOnPage(document)).toEqual({});
  });
});

describe('matchPatient', () => {
  it.each([
    ['Reyes, Dana M.', 'Dana Reyes', 'match'],
    ['Dana Reyes', 'Marcus Lee', 'mismatch'],
    ['REYES, DANA', 'dana reyes', 'match'],
    ['  Dana    Reyes ', 'Dana Reyes', 'match'],
    ['José Núñez', 'Jose Nunez', 'match'],
    ['Dana Marie Reyes', 'Dana Reyes', 'match'],
    ['Dana Reyes', 'Dana M Reyes', 'match'],
    ['D. Reyes', 'Dana Reyes', 'match'],
    ['Dana R.', 'Dana Reyes', 'match'],
    ['Garcia-Lopez, Ana', 'Ana Lopez', 'match'],
    ["O'Brien, Kate", 'Kate OBrien', 'match'],
    ['Reyes, Dana Jr.', 'Dana Reyes', 'match'],
    ['REYES DANA', 'Dana Reyes', 'match'],
    ['Dana Reyes F', 'Dana Reyes', 'match'],
    ['Dana Ross', 'Dana Reyes', 'mismatch'],
    ['Diana Reyes', 'Dana Reyes', 'mismatch'],
    ['Robert Lee', 'Bob Lee', 'mismatch'],
    ['Reyes, Dana', 'Reyes Dana', 'mismatch'],
  ])('%j vs member %j → %s', (onPage, member, expected) => {
    expect(matchPatient({ name: onPage }, { name: member })).toBe(expected);
  });

  it('unknown when the page shows no name', () => {
    expect(matchPatient({}, { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient({ dob: '03/14/1985', mrn: '1' }, { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient({ name: '—' }, { name: 'Dana Reyes' })).toBe('unknown');
  });

  it('works end to end from a page', () => {
    page(`<header><span>Patient: Reyes, Dana M.</span></header>`);
    const found = readPatientOnPage(document);
    expect(matchPatient(found, { name: 'Dana Reyes' })).toBe('match');
    expect(matchPatient(found, { name: 'Marcus Lee' })).toBe('mismatch');
    page(`<p>No chart open</p>`);
    expect(matchPatient(readPatientOnPage(document), { name: 'Dana Reyes' })).toBe('unknown');
  });
});
