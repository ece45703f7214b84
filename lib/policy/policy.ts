import * as z from 'zod/mini';

/**
 * Settings a clinic's IT sets for every workstation by enterprise policy (Chrome `storage.managed`, Firefox
 * `3rdparty` policies). Pure: `readPolicy` takes whatever the browser handed over and keeps each valid setting on its
 * own, so one mistyped setting never costs the others, and never crashes the panel. Problems name the setting and the
 * rule, never the value (a value may be anything an administrator pasted).
 */

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export interface ClinicPolicy {
  /** Completed sessions are deleted this many days after their last change; the clinician cannot change it. */
  retentionDays?: number;
  /** Clinical text is stored only once encryption is on. */
  encryptionRequired?: boolean;
  /** The only sites the extension may be enabled on, as origins (`https://ehr.example.org`). */
  allowedSites?: string[];
}

export interface PolicyReading {
  values: ClinicPolicy;
  problems: string[];
}

const RetentionSchema = z.number().check(z.int(), z.minimum(MIN_RETENTION_DAYS), z.maximum(MAX_RETENTION_DAYS));
const FlagSchema = z.boolean();
const SitesSchema = z.array(z.unknown()).check(z.maxLength(500));

/** A web origin as an administrator may write it ("https://ehr.example.org", a trailing "/" allowed), normalised. */
export function siteOrigin(entry: unknown): string | undefined {
  if (typeof entry !== 'string' || entry.length > 300) return undefined;
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // Only a site, not a page on it: a path, query or login would suggest a narrower rule than the browser can keep.
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  return url.origin;
}

const KNOWN: Record<keyof ClinicPolicy, true> = { retentionDays: true, encryptionRequired: true, allowedSites: true };
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_]{0,40}$/;

export function readPolicy(raw: unknown): PolicyReading {
  const values: ClinicPolicy = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { values, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { values, problems: ['The clinic policy is not a list of settings, so none of it was applied.'] };
  }
  const policy = raw as Record<string, unknown>;

  if ('retentionDays' in policy) {
    const days = RetentionSchema.safeParse(policy.retentionDays);
    if (days.success) values.retentionDays = days.data;
    else problems.push(`retentionDays must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}; it was ignored.`);
  }

  if ('encryptionRequired' in policy) {
    const flag = FlagSchema.safeParse(policy.encryptionRequired);
    if (flag.success) values.encryptionRequired = flag.data;
    else problems.push('encryptionRequired must be true or false; it was ignored.');
  }

  if ('allowedSites' in policy) {
    const list = SitesSchema.safeParse(policy.allowedSites);
    if (!list.success) {
      problems.push('allowedSites must be a list of at most 500 site addresses; it was ignored, so no site can be enabled.');
      // A broken allow-list must not open every site: the clinic meant to restrict them.
      values.allowedSites = [];
    } else {
      const origins = list.data.map(siteOrigin);
      const bad = origins.flatMap((origin, i) => (origin ? [] : [i + 1]));
      if (bad.length > 0) {
        problems.push(
          `allowedSites entr${bad.length === 1 ? 'y' : 'ies'} ${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a site address ` +
            'like https://ehr.example.org (no path) and were ignored.',
        );
      }
      values.allowedSites = [...new Set(origins.filter((o): o is string => !!o))];
    }
  }

  const unknown = Object.keys(policy).filter((key) => !(key in KNOWN));
  if (unknown.length > 0) {
    const named = unknown.filter((key) => SETTING_NAME.test(key));
    const others = unknown.length - named.length;
    problems.push(
      `Not settings this version knows, ignored: ${[...named, ...(others ? [`${others} with an unreadable name`] : [])].join(', ')}.`,
    );
  }
  return { values, problems };
}

// --- Merge rules: what the panel does with a reading -----------------------------------------------------------------

/** The clinic's retention when it sets one (locked), else the clinician's own. */
export function effectiveRetentionDays(localDays: number, policy: ClinicPolicy): number {
  return policy.retentionDays ?? localDays;
}

/** Encryption is required only when the clinic says so explicitly; "false" leaves it to the clinician. */
export function encryptionRequired(policy: ClinicPolicy): boolean {
  return policy.encryptionRequired === true;
}

/** The settings the clinic manages, in words for the panel (values are the clinic's own settings, not patient data). */
export function managedSettings(policy: ClinicPolicy): { name: string; value: string }[] {
  const rows: { name: string; value: string }[] = [];
  if (policy.retentionDays !== undefined) rows.push({ name: 'Delete completed sessions after', value: `${policy.retentionDays} day(s)` });
  if (policy.encryptionRequired !== undefined) {
    rows.push({ name: 'Encryption', value: policy.encryptionRequired ? 'required' : 'up to you' });
  }
  if (policy.allowedSites !== undefined) {
    rows.push({ name: 'Sites the extension may be enabled on', value: policy.allowedSites.length ? policy.allowedSites.join(', ') : 'none' });
  }
  return rows;
}
