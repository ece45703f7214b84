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

export function parseRequest(raw: unknown): Request | null {
  if (!isObject(raw)) return null;
  const r = raw;
  switch (r.type) {
    case 'detect':
      return onlyKeys(r, ['type', 'rules']) &&
        (r.rules === undefined || (Array.isArray(r.rules) && r.rules.length <= 50 && r.rules.every(isRule)))
        ? (r as Request)
        : null;
    case 'fill':
      return onlyKeys(r, ['type', 'candidate', 'text', 'mode']) &&
        isInt(r.candidate) &&
        r.candidate >= 0 &&
        isString(r.text, 200_000, 1) &&
        (r.mode === 'append' || r.mode === 'replace')
        ? (r as Request)
        : null;
    case 'highlight':
      return onlyKeys(r, ['type', 'candidate']) && isInt(r.candidate) ? (r as Request) : null;
    case 'mark':
      return onlyKeys(r, ['type', 'candidate']) && (r.candidate === undefined || (isInt(r.candidate) && r.candidate >= 0))
        ? (r as Request)
        : null;
    case 'undo':
    case 'pick':
    case 'cancel-pick':
      return onlyKeys(r, ['type']) ? (r as Request) : null;
    default:
      return null;
  }
}
