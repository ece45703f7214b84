// No patient data in logs or errors: extension code never writes to the console (so record contents, messages, page
// text and full URLs cannot end up in a log), and error replies and validation problems never echo their input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContentHandler } from '@/lib/messaging/content-handler';
import { EntrySchema, SessionSchema, validate } from '@/lib/model';

const ROOTS = ['lib', 'components', 'entrypoints'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const PATIENT_TEXT = 'Dana Reyes disclosed relapse on 11/02; MRN 100234';

describe('no patient data in logs or errors', () => {
  it('extension code has no console calls', () => {
    const offenders = ROOTS.flatMap(sourceFiles).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) => /\bconsole\s*\.\s*\w+\s*\(/.test(text) && !/^\s*(\/\/|\*)/.test(text)),
    );
    expect(offenders.map((o) => `${o.file}:${o.line}`)).toEqual([]);
  });

  it('the check above would catch a console call', () => {
    expect(/\bconsole\s*\.\s*\w+\s*\(/.test('  console.error(note.text);')).toBe(true);
  });

  it('a malformed request to the content script is refused without echoing it', async () => {
    const handle = createContentHandler(document);
    const reply = await handle({ type: 'fill', candidate: -1, text: PATIENT_TEXT, mode: 'append' });
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).not.toContain('Dana');
    expect(JSON.stringify(await handle({ type: PATIENT_TEXT }))).not.toContain('Dana');
  });

  it('validation problems name fields and rules, never the values', () => {
    const values = [PATIENT_TEXT, 42, null, [PATIENT_TEXT], { text: PATIENT_TEXT }];
    for (const value of values) {
      const record = { id: value, date: value, clinical: { memberName: value, plan: value }, attendance: value };
      for (const result of [validate(SessionSchema, record), validate(EntrySchema, record)]) {
        expect(result.ok).toBe(false);
        expect(JSON.stringify(result)).not.toMatch(/Dana|100234|relapse/);
      }
    }
  });
});
