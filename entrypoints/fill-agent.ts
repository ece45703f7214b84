import { defineUnlistedScript } from '#imports';
import { createContentHandler } from '@/lib/messaging/content-handler';
import type { ShadowRootOf } from '@/lib/fields/detect';

/**
 * Set once per frame so a second injection does not add a second listener. A symbol, not a name: the page's elements
 * become named properties of `window` (`<div id="…">`), which a string-keyed guard would read as "installed".
 */
const INSTALLED = Symbol.for('group-note-filler.content');

interface Runtime {
  id: string;
  onMessage: {
    addListener(fn: (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => boolean): void;
  };
}

/**
 * The extension API, from `chrome`: an own property of the content script's global in Chrome and Firefox, so no
 * page element can shadow it. (`browser`, which the polyfill would use, is not defined in Chrome's content scripts:
 * there `<form name="browser"><input name="runtime" id="x">` would stand in for it and stop the script.)
 */
interface Chrome {
  runtime?: Runtime;
  dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null };
}

function extensionApi(): Chrome | undefined {
  const g = globalThis as unknown as { chrome?: Chrome };
  return (Object.getOwnPropertyDescriptor(globalThis, 'chrome')?.value as Chrome | undefined) ?? g.chrome;
}

function extensionRuntime(api: Chrome | undefined): Runtime | undefined {
  const runtime = api?.runtime;
  return typeof runtime?.id === 'string' && runtime.id && typeof runtime.onMessage?.addListener === 'function' ? runtime : undefined;
}

/**
 * Shadow roots, closed ones too (design-system components): Chrome gives content scripts
 * `chrome.dom.openOrClosedShadowRoot(el)`, Firefox the property `el.openOrClosedShadowRoot`. The page cannot reach either.
 */
function shadowRootOf(api: Chrome | undefined): ShadowRootOf {
  const dom = api?.dom;
  return (el) => {
    try {
      if (typeof dom?.openOrClosedShadowRoot === 'function') return dom.openOrClosedShadowRoot(el);
      // Firefox: a property of the element in content scripts, not a method.
      return (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? el.shadowRoot;
    } catch {
      return el.shadowRoot; // not an element the API takes (an SVG element)
    }
  };
}

/**
 * The content script, as an unlisted script: the panel injects it into the target tab's frames with
 * `scripting.executeScript` when asked (nothing is declared in the manifest, nothing runs on page load). Unlisted, it
 * carries neither WXT's content-script context nor the API polyfill, which it does not use: a third of its size.
 */
export default defineUnlistedScript({
  // It registers a listener and does nothing else until a request arrives.
  main() {
    const g = globalThis as unknown as Record<symbol, { doc: Document; handle: (raw: unknown) => Promise<unknown> } | undefined>;
    if (g[INSTALLED]) return;
    const api = extensionApi();
    const runtime = extensionRuntime(api);
    if (!runtime) return;
    const shadowOf = shadowRootOf(api);
    // The handler belongs to one document. A frame first injected while it still showed its initial about:blank can
    // keep this script's world when its real page loads in the same window (Firefox): then a new handler takes over.
    const current = { doc: document, handle: createContentHandler(document, shadowOf) };
    g[INSTALLED] = current;
    runtime.onMessage.addListener((message, sender, sendResponse) => {
      if (sender.id !== runtime.id) return false;
      if (current.doc !== document) Object.assign(current, { doc: document, handle: createContentHandler(document, shadowOf) });
      void current.handle(message).then(sendResponse);
      return true; // the reply is sent asynchronously
    });
  },
});
