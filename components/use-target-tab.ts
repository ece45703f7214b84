import { useEffect, useRef, useState } from 'preact/hooks';
import { pageKey as pageKeyOf } from '@/lib/fields/site-rule';
import { activeBrowserTab, boundTab, resolveTargetTab, tabInfo, watchTabs } from '@/lib/messaging/tab-client';

export interface TargetTab {
  /** The tab a fill would go to now; undefined when there is none (no tab, or the panel cannot tell). */
  tabId: number | undefined;
  url: string;
  title: string;
  pageKey: string | null;
  /** Popped out: bound to one tab, which stays the target until re-bound. */
  bound: boolean;
  /** Bumped whenever the target tab changes or loads another page, so what was read from it is read again. */
  version: number;
}

/**
 * The tab the panel fills: in the side panel the active tab of its window, followed as the clinician switches
 * tabs; popped out, the tab it is bound to (`?tab=`), re-bindable to the tab in front. `onNavigating` hears of every
 * tab that starts loading another page (its undo state is forgotten).
 */
export function useTargetTab(onNavigating: (tabId: number) => void) {
  const [target, setTarget] = useState<TargetTab>({ tabId: undefined, url: '', title: '', pageKey: null, bound: boundTab(location.search) !== undefined, version: 0 });
  const current = useRef<number | undefined>(undefined);
  const navigating = useRef(onNavigating);
  navigating.current = onNavigating;

  const load = async (tabId: number | undefined) => {
    current.current = tabId;
    const info = tabId === undefined ? { url: '', title: '' } : await tabInfo(tabId);
    if (current.current !== tabId) return; // another switch came first
    setTarget((t) => ({ ...t, tabId, ...info, pageKey: pageKeyOf(info.url), version: t.version + 1 }));
  };

  useEffect(() => {
    void resolveTargetTab(location.search).then(load, () => load(undefined));
    return watchTabs({
      activated: (id) => {
        if (boundTab(location.search) === undefined) void load(id);
      },
      navigating: (id) => navigating.current(id),
      changed: (id) => {
        if (id === current.current) void load(id);
      },
    });
  }, []);

  /** Re-resolve the target now (the moment of a fill): the active tab may have changed without an event reaching us. */
  const resolveNow = async (): Promise<number | undefined> => {
    const id = await resolveTargetTab(location.search).catch(() => undefined);
    if (id !== current.current) await load(id);
    return id;
  };

  /** Popped out: bind to the tab the clinician is looking at in their browser window. */
  const rebind = async () => {
    const id = await activeBrowserTab().catch(() => undefined);
    if (id === undefined) return;
    const url = new URL(location.href);
    url.searchParams.set('tab', String(id));
    history.replaceState(null, '', url.toString());
    await load(id);
  };

  return { target, resolveNow, rebind };
}
