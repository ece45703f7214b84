import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CommandQuerySchema, isFillCommand } from '@/lib/messaging/commands';

/**
 * The "Fill this chart" keyboard command, for this panel's window: heard while the panel is open, or asked for once
 * when the key press opened it (`ready`: the panel can fill now). `onCommand` is the latest one passed.
 */
export function useFillCommand(ready: boolean, onCommand: () => void): void {
  const latest = useRef(onCommand);
  latest.current = onCommand;
  const windowId = useRef<Promise<number | undefined>>(undefined);
  windowId.current ??= browser.windows?.getCurrent().then((w) => w.id, () => undefined) ?? Promise.resolve(undefined);

  useEffect(() => {
    const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab || !isFillCommand(message)) return undefined;
      return windowId.current!.then((mine) => {
        if (mine !== message.windowId) return undefined;
        latest.current();
        return 'taken';
      });
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  const asked = useRef(false);
  useEffect(() => {
    if (!ready || asked.current) return;
    asked.current = true;
    void windowId.current!.then(async (id) => {
      if (id === undefined) return;
      const query = CommandQuerySchema.parse({ type: 'pending-command', windowId: id });
      if ((await browser.runtime.sendMessage(query).catch(() => false)) === true) latest.current();
    });
  }, [ready]);
}
