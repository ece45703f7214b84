import { describe, expect, it } from 'vitest';
import { PLAIN_CODEC, forgetSiteRule, listSiteRules, openNotesDb, rememberSiteRule } from '@/lib/db';

const rule = (pageKey: string, label: string) => ({
  id: crypto.randomUUID(),
  pageKey,
  frameKey: pageKey,
  selector: ['#addendum'],
  label,
  createdAt: new Date().toISOString(),
});

describe('remembered fields', () => {
  it('keeps one choice per page, replaces it on a new choice, and forgets it', async () => {
    const db = await openNotesDb(`rules-${crypto.randomUUID()}`);
    const page = 'http://127.0.0.1:4780/clients/*/notes/new';
    await rememberSiteRule(db, PLAIN_CODEC, rule(page, 'Progress note'));
    const second = rule(page, 'Group addendum');
    await rememberSiteRule(db, PLAIN_CODEC, second);
    await rememberSiteRule(db, PLAIN_CODEC, rule('https://ehr.example/notes', 'Narrative'));
    const { rules } = await listSiteRules(db, PLAIN_CODEC);
    expect(rules.filter((r) => r.pageKey === page).map((r) => r.label)).toEqual(['Group addendum']);
    await forgetSiteRule(db, second.id);
    expect((await listSiteRules(db, PLAIN_CODEC)).rules.map((r) => r.label)).toEqual(['Narrative']);
    db.close();
  });

  it('keeps the patient-name place beside the remembered field: a new choice of one kind replaces only that kind', async () => {
    const db = await openNotesDb(`rules-${crypto.randomUUID()}`);
    const page = 'http://127.0.0.1:4780/clients/*/notes/new';
    await rememberSiteRule(db, PLAIN_CODEC, rule(page, 'Progress note'));
    await rememberSiteRule(db, PLAIN_CODEC, { ...rule(page, 'Patient name'), kind: 'patient' });
    await rememberSiteRule(db, PLAIN_CODEC, { ...rule(page, 'Patient name'), selector: ['#banner', 'b'], kind: 'patient' });
    const { rules } = await listSiteRules(db, PLAIN_CODEC);
    expect(rules.map((r) => [r.kind ?? 'field', r.label, r.selector.join(' ')]).sort()).toEqual([
      ['field', 'Progress note', '#addendum'],
      ['patient', 'Patient name', '#banner b'],
    ]);
    db.close();
  });

  it('refuses an invalid rule and reports a damaged stored one by key', async () => {
    const db = await openNotesDb(`rules-${crypto.randomUUID()}`);
    await expect(rememberSiteRule(db, PLAIN_CODEC, { ...rule('x', 'y'), selector: [] })).rejects.toThrow(/not valid/);
    await db.put('siteRules', { id: 'broken', pageKey: 1 } as never);
    expect(await listSiteRules(db, PLAIN_CODEC)).toEqual({ rules: [], invalid: ['broken'] });
    db.close();
  });
});
