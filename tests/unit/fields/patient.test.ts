import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchPatient, readPatientOnPage } from '@/lib/fields/patient';
import { page, withLayout } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  document.title = '';
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

  it('a bare name heading in a patient banner inside the page header', () => {
    page(`<header><nav>Home</nav><div class="patient-header"><h1>Reyes, Dana</h1><span>40 y, F</span></div></header>`);
    expect(readPatientOnPage(document).name).toBe('Reyes, Dana');
  });

  it('does not take a provider, group or user name for the patient', () => {
    page(`<header>Provider name: Sam Ortiz | Group name: Coping Skills | Logged in as: jdoe</header>`);
    expect(readPatientOnPage(document)).toEqual({});
  });

  it('reports a list of many patients as ambiguous, but still reads the chart header', () => {
    page(`<ul class="schedule"><li class="patient-name">Marcus Lee</li><li class="patient-name">Ana Ruiz</li></ul>`);
    expect(readPatientOnPage(document)).toEqual({ ambiguous: true });
    document.body.insertAdjacentHTML('afterbegin', `<header>Patient: Dana Reyes</header>`);
    expect(readPatientOnPage(document).name).toBe('Dana Reyes');
  });

  it('finds nothing on a page without a patient', () => {
    page(`<h1>Progress notes</h1><p>Choose a client to begin.</p><textarea></textarea>`);
    expect(readPatientOnPage(document)).toEqual({});
  });
});

describe('readPatientOnPage: visible text only', () => {
  it('ignores a hidden name beside a visible banner', () => {
    page(`<span style="display:none">Patient: Marcus Lee</span>
      <header><span style="display:none">Patient: Marcus Lee</span><span>Patient: Dana Reyes</span></header>`);
    expect(readPatientOnPage(document).name).toBe('Dana Reyes');
  });

  it.each([
    ['inline display:none', `<p><span style="display:none">Patient: Marcus Lee</span></p><textarea></textarea>`],
    ['the hidden attribute', `<p hidden>Client: Marcus Lee</p>`],
    ['aria-hidden', `<div aria-hidden="true"><span>Patient: Marcus Lee</span></div>`],
    ['a style sheet (body text)', `<style>.d-none{display:none}</style><p class="d-none">Client: Marcus Lee</p>`],
    ['a style sheet (banner)', `<style>.d-none{display:none}</style><header><span class="d-none">Patient: Marcus Lee</span></header>`],
    ['visibility:hidden', `<style>.v{visibility:hidden}</style><header class="v">Patient: Marcus Lee</header>`],
    ['a hidden id/class-marked element', `<h2 class="patient-name" style="display:none">Marcus Lee</h2>`],
    ['a hidden table pair', `<table style="display:none"><tr><th>Patient</th><td>LEE, MARCUS</td></tr></table>`],
    ['a hidden banner heading', `<div class="patient-header"><h1 hidden>Lee, Marcus</h1></div>`],
  ])('reads no name when the only one is hidden by %s', (_how, html) => {
    page(html);
    expect(readPatientOnPage(document)).toEqual({});
  });

  it('with layout, ignores text parked off-page or clipped to a pixel (.sr-only)', () => {
    const $ = page(`<header><span id="sr" style="position:absolute;overflow:hidden">Patient: Marcus Lee</span>
      <span>Patient: Dana Reyes</span></header>
      <p id="off" style="position:absolute">Client: Ana Ruiz</p>`);
    const undo = withLayout([
      [$('sr'), { w: 1, h: 1 }],
      [$('off'), { x: -10000, w: 300, h: 20 }],
    ]);
    try {
      expect(readPatientOnPage(document).name).toBe('Dana Reyes');
      $('sr').remove();
      document.querySelector('header')!.remove();
      // Only the off-page "Client: Ana Ruiz" is left.
      expect(readPatientOnPage(document)).toEqual({});
    } finally {
      undo();
    }
  });
});

describe('readPatientOnPage: text as laid out', () => {
  it('separates adjacent spans when the next opens with a label (JSX renders no whitespace)', () => {
    page(`<div class="banner"><span>Patient: Reyes, Dana</span><span>DOB: 03/14/1988</span></div>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Reyes, Dana', dob: '03/14/1988' });
    page(`<main><div><span>Client: Reyes, Dana</span><span>MRN: 000123</span></div></main>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Reyes, Dana', mrn: '000123' });
  });

  it('flex items are separate words', () => {
    page(`<style>.bar{display:flex}</style><header class="bar"><span>Client: Dana Reyes</span><span>Room 4</span></header>`);
    expect(readPatientOnPage(document).name).toBe('Dana Reyes');
  });

  it('table cells with a LAST, FIRST M name in capitals', () => {
    page(`<table><tr><td>Patient</td><td>REYES, DANA M</td><td>DOB</td><td>03/14/1988</td></tr></table>`);
    const found = readPatientOnPage(document);
    expect(found).toEqual({ name: 'REYES, DANA M', dob: '03/14/1988' });
    expect(matchPatient(found, { name: 'Dana Reyes' })).toBe('match');
    page(`<header>Patient: REYES, DANA M  DOB: 03/14/1988</header>`);
    expect(readPatientOnPage(document).name).toBe('REYES, DANA M');
  });

  it('a label cell with markup and blanks around its text', () => {
    page(`<table><tr><th>\n  <b>Patient</b>: </th><td> <a href="#">Lee, Marcus</a> </td></tr></table>`);
    expect(readPatientOnPage(document).name).toBe('Lee, Marcus');
  });

  it('a column-header row is not a label/value pair', () => {
    page(`<table><tr><th>Patient</th><th>Time</th></tr><tr><td>Dana Reyes</td><td>9:00</td></tr></table>`);
    expect(readPatientOnPage(document)).toEqual({});
  });

  it('reads the banner beside the clinician\u2019s name', () => {
    page(`<header><div class="patient-banner"><span>Patient: Reyes, Dana</span><span>DOB: 03/14/1988</span></div>
      <div class="user-menu"><span>Jamie Morgan, LCSW</span><a href="#">Sign out</a></div></header>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Reyes, Dana', dob: '03/14/1988' });
  });

  it('never reads the note being written', () => {
    page(`<div contenteditable="true">Client: Marcus Lee shared in group.</div>`);
    expect(readPatientOnPage(document)).toEqual({});
  });
});

describe('readPatientOnPage: never the clinician, user or group', () => {
  it('a provider name beside the patient', () => {
    page(`<header><span>Provider name: J. Morgan, LCSW</span><span>Patient: Dana Reyes</span></header>`);
    expect(readPatientOnPage(document).name).toBe('Dana Reyes');
  });

  it.each([
    ['logged-in user', `<header>Logged in as Jamie Morgan</header>`],
    ['logged-in user in a patient context bar', `<div class="patient-context">Logged in as <b>Jamie Morgan</b></div>`],
    ['group', `<header>Group: Anxiety Skills Group</header><p>Group: Anxiety Skills Group</p>`],
    ['"Name:" after a clinician label on the line', `<header><span>Clinician</span><span>Name: Jamie Morgan</span></header>`],
    ['"Name:" after the signed-in user', `<header>Signed in as jdoe · Name: Jamie Morgan</header>`],
    ['"Name:" under a therapist heading', `<header><div>Therapist</div><div>Name: Jamie Morgan</div></header>`],
    ['"Name:" in a provider box', `<header><div class="provider-details"><span>Name: Jamie Morgan</span></div></header>`],
    ['a "Name" cell in a staff table', `<table class="staff-info"><tr><th>Name</th><td>Jamie Morgan</td></tr></table>`],
    ['a "Name" cell after a provider cell', `<table><tr><th>Provider</th><th>Name</th><td>Jamie Morgan</td></tr></table>`],
  ])('%s', (_what, html) => {
    page(html);
    expect(readPatientOnPage(document).name).toBeUndefined();
  });
});

describe('readPatientOnPage: ambiguity and evidence order', () => {
  it('two banners naming different patients: ambiguous, no name', () => {
    page(`<header>Patient: Dana Reyes</header><div class="patient-banner">Patient: Marcus Lee</div>`);
    expect(readPatientOnPage(document)).toEqual({ ambiguous: true });
  });

  it('an ambiguous banner does not fall through to weaker sources', () => {
    page(`<header><span>Patient: Dana Reyes</span> <span>Patient: Marcus Lee</span></header>
      <dl><dt>Client</dt><dd>Dana Reyes</dd></dl>`);
    expect(readPatientOnPage(document)).toEqual({ ambiguous: true });
  });

  it('one patient written two ways is not ambiguous', () => {
    page(`<header><span>Patient: Reyes, Dana M.</span><h2 class="patient-name">Dana Reyes</h2></header>`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Reyes, Dana M.' });
  });

  it('a schedule with many clients in the body: the banner outranks it; without a banner, ambiguous', () => {
    const schedule = `<main><h2>Today</h2><ul><li>Client: Marcus Lee 9:00</li><li>Client: Ana Ruiz 10:00</li></ul>
      <table><tr><th>Client</th><td>Marcus Lee</td></tr></table></main>`;
    page(`<div class="patient-banner"><span>Patient: Dana Reyes</span></div>${schedule}`);
    expect(readPatientOnPage(document)).toEqual({ name: 'Dana Reyes' });
    page(schedule);
    expect(readPatientOnPage(document)).toEqual({ ambiguous: true });
  });

  it('a bare banner heading outranks labelled text elsewhere', () => {
    page(`<div class="patient-header"><h1>Reyes, Dana</h1></div><p>Client: Marcus Lee</p>`);
    expect(readPatientOnPage(document).name).toBe('Reyes, Dana');
  });

  it('reads the title, squashed and clipped', () => {
    page(`<p>No chart open</p>`);
    document.title = '  Reyes,   Dana \u2014 Progress note ';
    expect(readPatientOnPage(document)).toEqual({ title: 'Reyes, Dana \u2014 Progress note' });
    document.title = 'x'.repeat(500);
    expect(readPatientOnPage(document).title).toHaveLength(200);
  });

  it('stays cheap on a large page: styles are computed for the banners read, not for the body', () => {
    const row = '<tr><td><span>cell</span></td><td><div>text</div></td></tr>';
    page(`<header>Patient: Dana Reyes</header><table>${row.repeat(400)}</table>`);
    const spy = vi.spyOn(window, 'getComputedStyle');
    try {
      readPatientOnPage(document);
      const withBanner = spy.mock.calls.length;
      document.querySelector('header')!.remove();
      spy.mockClear();
      readPatientOnPage(document);
      expect(withBanner).toBeLessThan(100);
      expect(spy.mock.calls.length).toBeLessThan(100);
    } finally {
      spy.mockRestore();
    }
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

  it('with no name read, the title is weak evidence: a match when it names the member, never a mismatch alone', () => {
    const t = (title: string) => ({ title });
    expect(matchPatient(t('Reyes, Dana — Progress note'), { name: 'Dana Reyes' })).toBe('match');
    expect(matchPatient(t('DANA REYES (MRN 000123)'), { name: 'Reyes, Dana M.' })).toBe('match');
    expect(matchPatient(t('JOSÉ NÚÑEZ - Chart'), { name: 'Jose Nunez' })).toBe('match');
    expect(matchPatient(t('Marcus Lee - Chart'), { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient(t('Dana - Chart'), { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient(t('D. Reyes - Chart'), { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient(t('Reyes family session'), { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient(t('Dana Reyes'), { name: 'Dana' })).toBe('unknown');
    expect(matchPatient({}, { name: 'Dana Reyes' }, ['Marcus Lee'])).toBe('unknown');
  });

  it('the title names another member and not this one: mismatch', () => {
    const others = ['Marcus Lee', 'Ana Ruiz'];
    expect(matchPatient({ title: 'Lee, Marcus - Chart' }, { name: 'Dana Reyes' }, others)).toBe('mismatch');
    expect(matchPatient({ title: 'Dana Reyes - Chart' }, { name: 'Dana Reyes' }, others)).toBe('match');
    // Both named, or only part of another's name: not enough to say.
    expect(matchPatient({ title: 'Dana Reyes, Marcus Lee' }, { name: 'Dana Reyes' }, others)).toBe('unknown');
    expect(matchPatient({ title: 'Marcus - Chart' }, { name: 'Dana Reyes' }, others)).toBe('unknown');
    // The member listed among the others is not "another".
    expect(matchPatient({ title: 'Dana Reyes - Chart' }, { name: 'Dana Reyes' }, ['Reyes, Dana'])).toBe('match');
  });

  it('a name read outranks the title; an ambiguous page is never a match', () => {
    expect(matchPatient({ name: 'Marcus Lee', title: 'Dana Reyes' }, { name: 'Dana Reyes' })).toBe('mismatch');
    expect(matchPatient({ ambiguous: true, title: 'Dana Reyes' }, { name: 'Dana Reyes' })).toBe('unknown');
    expect(matchPatient({ ambiguous: true, title: 'Marcus Lee' }, { name: 'Dana Reyes' }, ['Marcus Lee'])).toBe('mismatch');
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
