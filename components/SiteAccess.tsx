import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { enabledSites, revokeSite } from '@/lib/messaging/site-access';
import { permissionAllowed, siteAllowed } from '@/lib/policy/sites';
import { useClinicPolicy } from './use-clinic-policy';

/** The sites the clinician enabled, each revocable; the extension reaches no other site. */
export function SiteAccess() {
  const [sites, setSites] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const reload = () => enabledSites().then(setSites, () => setSites([]));
  const clinic = useClinicPolicy().values;
  const allowed = clinic.allowedSites;
  useEffect(() => void reload(), []);
  return (
    <section aria-labelledby="sites-heading">
      <h3 id="sites-heading">Sites the extension may fill</h3>
      <p class="hint">Besides the demo EHR on this computer, only these sites. Nothing is ever sent anywhere.</p>
      {allowed && (
        <p>
          {allowed.length ? `Your clinic allows the extension only on: ${allowed.join(', ')}.` : 'Your clinic has not allowed any site.'}{' '}
          <span class="managed">Set by your clinic</span>
        </p>
      )}
      {sites.length === 0 ? (
        <p>No sites enabled yet. Open your EHR and press “Enable on this site”.</p>
      ) : (
        <ul class="states">
          {sites.map((site) => (
            <li key={site}>
              {site.replace(/\/\*$/, '')}{' '}
              {/* Enabled before the clinic's list arrived (or changed): say so; revoking it stays one click. */}
              {!permissionAllowed(site, clinic) && <span class="warn-text">(your clinic has not allowed this site) </span>}
              <button
                type="button"
                class="link"
                aria-label={`Revoke access to ${site.replace(/\/\*$/, '')}`}
                onClick={async () => {
                  setMessage((await revokeSite(site)) ? `Access to ${site.replace(/\/\*$/, '')} revoked.` : 'Could not revoke access.');
                  await reload();
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && <p class="hint" aria-live="polite">{message}</p>}
    </section>
  );
}

/**
 * Wraps the "Enable on this site" control wherever it is offered: shown only for a site the clinic's policy allows
 * (every site when it sets no list); otherwise the clinician is told why there is nothing to press.
 */
export function ClinicSiteGate({ url, children }: { url: string; children: ComponentChildren }) {
  const clinic = useClinicPolicy();
  if (!clinic.loaded) return null;
  if (siteAllowed(url, clinic.values)) return <>{children}</>;
  return <p class="hint">Your clinic has not allowed this site.</p>;
}
