import { TOKEN_PATTERN } from '@/lib/fields/main-world/target';
import type { FieldRule, Request } from './protocol';

/**
 * The content script's validation of requests: the same rules as `RequestSchema` in protocol.ts, written out by
 * hand because zod would cost the content script half of its size budget. A unit test checks the two agree on
 * thousands of valid and malformed requests, so the zod schema stays the single definition.
 */
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (o: Obj, keys: string[]) => Object.keys(o).every((k) => keys.includes(k));
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isString = (v: unknown, max = Infinity, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= max;

function isRule(v: unknown): v is FieldRule {
  return (
    isObject(v) &&
    onlyKeys(v, ['frameKey', 'selector']) &&
    isString(v.frameKey, 2000) &&
    Array.isArray(v.selector) &&
    v.selector.length <= 20 &&
    v.selector.every((s) => isString(s, 2000))
  );
}

const isId = (v: unknown): v is string => typeof v === 'string' && TOKEN_PATTERN.test(v);
const PATIENT_TEXT = ['name', 'dob', 'mrn', 'title'];

function isPatient(v: unknown): boolean {
  return (
    isObject(v) &&
    onlyKeys(v, [...PATIENT_TEXT, 'ambiguous']) &&
    PATIENT_TEXT.every((k) => v[k] === undefined || isString(v[k], 200)) &&
    (v.ambiguous === undefined || typeof v.ambiguous === 'boolean')
  );
}

const BINDING = ['docId', 'candidate', 'selector', 'patient', 'fillId', 'row'];

/** A request bound to one field of one document (fill, mark). */
function isBound(r: Obj): boolean {
  return (
    isId(r.docId) &&
    isId(r.fillId) &&
    isInt(r.candidate) &&
    r.candidate >= 0 &&
    Array.isArray(r.selector) &&
    r.selector.length <= 20 &&
    r.selector.every((s) => isString(s, 2000)) &&
    isPatient(r.patient) &&
    (r.row === undefined || (Array.isArray(r.row) && r.row.length <= 8 && r.row.every((t) => isString(t, 120))))
  );
}

export function parseRequest(raw: unknown): Request | null {
  if (!isObject(raw)) return null;
  const r = raw;
  switch (r.type) {
    case 'detect':
      return onlyKeys(r, ['type', 'rules', 'patientRules']) &&
        (r.rules === undefined || (Array.isArray(r.rules) && r.rules.length <= 50 && r.rules.every(isRule))) &&
        (r.patientRules === undefined || (Array.isArray(r.patientRules) && r.patientRules.length <= 10 && r.patientRules.every(isRule)))
        ? (r as Request)
        : null;
    case 'fill':
      return onlyKeys(r, ['type', ...BINDING, 'text', 'mode']) &&
        isBound(r) &&
        isString(r.text, 200_000, 1) &&
        (r.mode === 'append' || r.mode === 'replace')
        ? (r as Request)
        : null;
    case 'highlight':
      return onlyKeys(r, ['type', 'candidate']) && isInt(r.candidate) ? (r as Request) : null;
    case 'mark':
      return onlyKeys(r, ['type', ...BINDING]) && isBound(r) ? (r as Request) : null;
    case 'verify':
      return onlyKeys(r, ['type', 'docId', 'patient']) && isId(r.docId) && isPatient(r.patient) ? (r as Request) : null;
    case 'undo':
      return onlyKeys(r, ['type', 'docId', 'fillId']) && isId(r.docId) && isId(r.fillId) ? (r as Request) : null;
    case 'remark':
      return onlyKeys(r, ['type', 'docId', 'fillId', 'candidate']) && isId(r.docId) && isId(r.fillId) && isInt(r.candidate) && r.candidate >= 0
        ? (r as Request)
        : null;
    case 'pick':
      return onlyKeys(r, ['type', 'what']) && (r.what === undefined || r.what === 'field' || r.what === 'patient') ? (r as Request) : null;
    case 'prepare':
    case 'cancel-pick':
      return onlyKeys(r, ['type']) ? (r as Request) : null;
    default:
      return null;
  }
}
