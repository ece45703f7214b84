import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { createContentHandler } from '@/lib/messaging/content-handler';

declare global {
  // Set once per frame so a second injection does not add a second listener.
  var __groupNoteFillerInstalled: boolean | undefined;
}

export default defineContentScript({
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  registration: 'runtime',
  allFrames: true,
  // Injected only when the panel asks; it registers a listener and does nothing else until a request arrives.
  main() {
    if (globalThis.__groupNoteFillerInstalled) return;
    globalThis.__groupNoteFillerInstalled = true;
    const handle = createContentHandler(document);
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      return handle(message);
    });
  },
});
