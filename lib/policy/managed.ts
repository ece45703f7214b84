import { browser } from 'wxt/browser';
import { readPolicy, type PolicyReading } from './policy';

/**
 * The clinic's policy as the browser hands it over. `storage.managed` is absent where the browser has no managed
 * storage, and its `get` rejects on some browsers when no policy is set: both read as "no policy", never as an error
 * the clinician must deal with.
 */
export async function readManagedPolicy(): Promise<PolicyReading> {
  let raw: unknown;
  try {
    const managed = browser.storage?.managed;
    raw = managed ? await managed.get() : undefined;
  } catch {
    raw = undefined;
  }
  // An empty object is what an unmanaged Chrome returns: nothing set.
  return readPolicy(raw && typeof raw === 'object' && Object.keys(raw).length === 0 ? undefined : raw);
}
