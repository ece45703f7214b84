import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { FILL_THIS_CHART, PENDING_COMMAND_MS, isCommandQuery } from '@/lib/messaging/commands';

export default defineBackground(() => {
  const firefox = browser as unknown as {
    sidebarAction?: { toggle(): Promise<void>; open(): Promise<void> };
    browserAction?: typeof browser.action;
  };
  // Chrome/Edge: the toolbar button opens the side panel. Firefox has no sidePanel API: it toggles the sidebar.
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else {
    // Firefox's default build is MV2, where the toolbar button is browserAction.
    (browser.action ?? firefox.browserAction)?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }

  // "Fill this chart" (Alt+Shift+F by default): open the panel if needed and have it fill the member whose chart the
  // tab shows. A panel that is already open hears it at once; one that opens now asks for it when it starts.
  let pending: { windowId: number; at: number } | undefined;
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== FILL_THIS_CHART || tab?.windowId === undefined) return;
    const windowId = tab.windowId;
    // Opened first, before anything is awaited: the browser allows it only while handling the key press.
    if (browser.sidePanel) void browser.sidePanel.open({ windowId }).catch(() => {});
    else void firefox.sidebarAction?.open().catch(() => {});
    pending = { windowId, at: Date.now() };
    void browser.runtime.sendMessage({ type: FILL_THIS_CHART, windowId }).then(
      (reply) => reply === 'taken' && (pending = undefined),
      () => {},
    );
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab || !isCommandQuery(message)) return undefined;
    const wanted = pending && pending.windowId === message.windowId && Date.now() - pending.at < PENDING_COMMAND_MS;
    pending = wanted ? undefined : pending;
    return Promise.resolve(!!wanted);
  });
});
