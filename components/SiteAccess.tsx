import { useEffect, useState } from 'preact/hooks';
import { enabledSites, revokeSite } from '@/lib/messaging/site-access';

/** The sites the clinician enabled, each revocable; the extension reaches no other site. */
export function SiteAccess() {
  const [sites, setSites] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const reload = () => enabledSites().then(setSites, () => setSites([]));
  useEffect(() => void reload(), []);
  return (
    <section aria-labelledby="sites-heading">
      <h3 id="sites-heading">Sites the extension may fill</h3>
      <p class="hint">Besides the demo EHR on this computer, only these sites. Nothing is ever sent anywhere.</p>
      {sites.length === 0 ? (
        <p>No sites enabled yet. Open your EHR and press “Enable on this site”.</p>
      ) : (
        <ul class="states">
          {sites.map((site) => (
            <li key={site}>
              {site.replace(/\/\*$/, '')}{' '}
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
