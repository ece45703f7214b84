import { vi } from 'vitest';

/** Replace the test document's body and return a typed getElementById. */
export function page(html: string): <T extends HTMLElement = HTMLElement>(id: string) => T {
  document.body.innerHTML = html;
  return <T extends HTMLElement>(id: string) => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`no #${id}`);
    return el as T;
  };
}

/** Pretend the page has layout (happy-dom has none): a viewport and per-element rects. */
export function withLayout(rects: Array<[Element, { x?: number; y?: number; w: number; h: number }]>): () => void {
  Object.defineProperty(document.documentElement, 'clientWidth', { value: 1024, configurable: true });
  for (const [el, r] of rects) {
    const x = r.x ?? 10;
    const y = r.y ?? 10;
    vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({
      x, y, left: x, top: y, width: r.w, height: r.h, right: x + r.w, bottom: y + r.h, toJSON: () => ({}),
    } as DOMRect);
  }
  return () => {
    delete (document.documentElement as unknown as { clientWidth?: number }).clientWidth;
    vi.restoreAllMocks();
  };
}

/** Install a fake `document.execCommand` for the duration of a test; returns the calls and an uninstall. */
export function fakeExecCommand(impl: (command: string, text: string) => boolean): { calls: string[]; uninstall: () => void } {
  const calls: string[] = [];
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (command: string, _ui: boolean, text: string) => {
      calls.push(text);
      return impl(command, text);
    },
  });
  return { calls, uninstall: () => delete (document as unknown as { execCommand?: unknown }).execCommand };
}
