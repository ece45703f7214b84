import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';

export default defineBackground(() => {
  // Chrome/Edge: the toolbar button opens the side panel. Firefox has no sidePanel API: it toggles the sidebar.
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else {
    const firefox = browser as unknown as {
      sidebarAction?: { toggle(): Promise<void> };
      browserAction?: typeof browser.action;
    };
    // Firefox's default build is MV2, where the toolbar button is browserAction.
    (browser.action ?? firefox.browserAction)?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }
});
