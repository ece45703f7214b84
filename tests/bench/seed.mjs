// Five years of a clinic's data for the panel-open benchmark: ~2,500 group sessions and ~25,000 member entries,
// shaped exactly like lib/model/schemas.ts (strict objects: no extra keys), written with raw IndexedDB into the
// extension's `group-notes` database, plus the `preferences` setting with a retention long enough to keep them.
//
// `seedDatabase` is handed to Playwright's page.evaluate, which sends its source to the page: it must stay
// self-contained (no imports, no outer helpers). With `dryRun: true` it only builds and returns the records, so
// Node can validate the very same records against lib/model's zod schemas before they are written.

/**
 * @param {{ sessions: number, entriesPerSession: number, groups: number, now: string, dryRun?: boolean }} args
 */
export async function seedDatabase(args) {
  const { sessions: SESSIONS, entriesPerSession: PER, groups: GROUPS, now, dryRun = false } = args;
  const nowMs = Date.parse(now);
  const DAY = 86_400_000;
  let state = 0x9e3779b9;
  const rnd = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const day = (ms) => {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  const id = (prefix, n) => `${prefix}-${pad(n, 6)}-${(Math.imul(n + 1, 2654435761) >>> 0).toString(16)}`;

  const GROUP_NAMES = [
    'Anger Management', 'DBT Skills', 'Seeking Safety', 'Relapse Prevention', 'Grief and Loss', 'Anxiety Skills',
    'Men’s Recovery', 'Women’s Recovery', 'Coping Skills', 'Parenting Support', 'Trauma Recovery', 'Mindfulness',
  ];
  const FIRST = ['Dana', 'Chris', 'Jordan', 'Alex', 'Sam', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Robin', 'Drew', 'Pat', 'Lee'];
  const LAST = ['Reyes', 'Nguyen', 'Okafor', 'Smith', 'Kowalski', 'Haddad', 'Fischer', 'Silva', 'Brown', 'Ibrahim', 'Larsen', 'Moreau'];
  const TOPICS = [
    'Identifying early warning signs of anger and using time-outs.',
    'Distress tolerance: TIPP skills and radical acceptance.',
    'Triggers and high-risk situations; building a relapse prevention plan.',
    'Cognitive distortions and challenging automatic thoughts.',
    'Sleep hygiene and its effect on mood.',
    'Healthy boundaries in family relationships.',
  ];
  const INTERVENTIONS = [
    'Psychoeducation, guided discussion, role-play of assertive communication, and a brief mindfulness exercise.',
    'Skills review, worksheet on chain analysis, group feedback, and homework assignment.',
    'Motivational interviewing, cognitive restructuring, and relaxation training.',
  ];
  const SENTENCES = [
    'Participated actively in the discussion and shared two examples from the past week.',
    'Listened attentively and offered supportive feedback to peers when invited.',
    'Spoke briefly when prompted; affect appropriate to content.',
    'Practised the breathing exercise with the group and reported feeling calmer afterwards.',
    'Described using a time-out twice this week with partial success.',
    'Peers responded with encouragement and asked follow-up questions.',
    'Identified one trigger at work and a coping strategy to use next time.',
    'Completed the worksheet and read one item aloud.',
  ];
  const sentence = (n) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const FORMATS = ['plain', 'soap', 'dap', 'birp', 'girp', 'sirp', 'pirp'];

  const groups = [];
  for (let g = 0; g < GROUPS; g++) {
    const roster = [];
    for (let m = 0; m < PER + 2; m++) {
      roster.push({ id: id(`m${g}`, m), name: `${FIRST[(g * 5 + m) % FIRST.length]} ${LAST[(g * 7 + m * 3) % LAST.length]}` });
    }
    groups.push({
      v: 1,
      id: id('g', g),
      updatedAt: new Date(nowMs - g * DAY).toISOString(),
      format: FORMATS[g % FORMATS.length],
      clinical: {
        name: `${GROUP_NAMES[g % GROUP_NAMES.length]} – ${['Mon', 'Tue', 'Wed', 'Thu', 'Fri'][g % 5]} ${9 + (g % 6)}:00`,
        roster,
        goals: Object.fromEntries(roster.slice(0, 3).map((m) => [m.id, 'Use one coping skill daily; attend all sessions.'])),
        defaultTopics: pick(TOPICS),
        defaultInterventions: pick(INTERVENTIONS),
      },
    });
  }

  const sessions = [];
  const entries = [];
  for (let i = 0; i < SESSIONS; i++) {
    // Newest first: session 0 is today's, in progress; every earlier one is complete and charted.
    const g = i % GROUPS;
    const group = groups[g];
    const week = Math.floor(i / GROUPS);
    const dateMs = nowMs - week * 7 * DAY - g * 0.4 * DAY;
    const startH = 9 + (g % 6);
    const updatedAt = new Date(Math.min(nowMs - 60_000, dateMs + (startH + 3) * 3_600_000 - nowMs % DAY)).toISOString();
    const inProgress = i === 0;
    const sessionId = id('s', i);
    sessions.push({
      v: 1,
      id: sessionId,
      groupId: group.id,
      date: day(dateMs),
      startTime: `${pad(startH)}:00`,
      endTime: `${pad(startH + 1)}:30`,
      createdAt: updatedAt,
      updatedAt,
      completed: !inProgress,
      format: group.format,
      modality: i % 9 === 0 ? 'telehealth' : 'in-person',
      cptCode: '90853',
      clinical: {
        groupName: group.clinical.name,
        topics: pick(TOPICS),
        interventions: pick(INTERVENTIONS),
        leader: 'J. Morgan, LCSW',
        coLeader: i % 3 === 0 ? 'R. Patel, LPC' : '',
        location: i % 9 === 0 ? 'Telehealth (video)' : `Group room ${1 + (g % 3)}`,
      },
    });
    for (let e = 0; e < PER; e++) {
      const member = group.clinical.roster[(e + week) % group.clinical.roster.length];
      const r = rnd();
      const attendance = r < 0.82 ? 'present' : r < 0.88 ? 'late' : r < 0.92 ? 'left-early' : r < 0.97 ? 'absent' : 'excused';
      const attended = attendance === 'present' || attendance === 'late' || attendance === 'left-early';
      entries.push({
        v: 1,
        id: id(`e${i}`, e),
        sessionId,
        memberId: member.id,
        order: e,
        attendance,
        timeIn: attendance === 'late' ? `${pad(startH)}:15` : '',
        timeOut: attendance === 'left-early' ? `${pad(startH + 1)}:00` : '',
        charted: !inProgress && attended ? { at: updatedAt, site: 'http://127.0.0.1:4780/clients/c1/notes/new' } : null,
        updatedAt,
        clinical: {
          memberName: member.name,
          interactedWithGroup: attended ? sentence(2) : '',
          groupReaction: attended ? sentence(1) : '',
          influencedGroup: attended ? sentence(1) : '',
          groupInfluence: attended ? sentence(1) : '',
          responseToInterventions: attended ? sentence(2) : '',
          goals: attended ? 'Use one coping skill daily; attend all sessions.' : '',
          risk: { level: 'none-reported', text: '' },
          plan: attended ? 'Continue weekly group; practise the skill reviewed today.' : '',
        },
      });
    }
  }
  const preferences = { id: 'preferences', v: 1, retentionDays: 3650, lockAfterMinutes: 15 };
  if (dryRun) return { groups, sessions, entries, preferences };

  // Open without a version: the app has already created (and migrated) the database; stores are its own.
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('group-notes');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onupgradeneeded = () => reject(new Error('group-notes did not exist yet: open the panel once first'));
  });
  const started = performance.now();
  const done = (tx) =>
    new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve(undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'));
    });
  const first = db.transaction(['sessions', 'entries', 'groups', 'settings'], 'readwrite');
  first.objectStore('sessions').clear();
  first.objectStore('entries').clear();
  first.objectStore('groups').clear();
  for (const x of groups) first.objectStore('groups').put(x);
  // A clinic that keeps five years of sessions has set retention to keep them (the default, 30 days, would purge
  // all but the last month on the next open). lib/db/stored.ts PreferencesSchema: at most 3,650 days.
  first.objectStore('settings').put(preferences);
  await done(first);
  // Several moderate transactions rather than one of ~28 MB: closer to how years of data accumulate, and the
  // database does not stall the next open while it digests one huge write.
  const CHUNK = 250;
  for (let i = 0; i < sessions.length; i += CHUNK) {
    const tx = db.transaction(['sessions', 'entries'], 'readwrite');
    const s = tx.objectStore('sessions');
    const en = tx.objectStore('entries');
    for (const x of sessions.slice(i, i + CHUNK)) s.put(x);
    for (const x of entries.slice(i * PER, (i + CHUNK) * PER)) en.put(x);
    await done(tx);
  }
  const count = (store) =>
    new Promise((resolve, reject) => {
      const req = db.transaction(store).objectStore(store).count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const result = {
    version: db.version,
    stores: Array.from(db.objectStoreNames),
    sessions: await count('sessions'),
    entries: await count('entries'),
    groups: await count('groups'),
    writeMs: Math.round(performance.now() - started),
  };
  db.close();
  return result;
}
