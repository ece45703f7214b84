import { createLockTimer } from '@/lib/crypto';

const IDLE_EVENTS = ['keydown', 'pointerdown', 'input', 'wheel', 'focusin'] as const;

export interface IdleLock {
  readonly minutes: number;
  stop(): void;
}

/**
 * Idle lock: any activity in the panel's document restarts the period; looking at the panel again after a sleep
 * checks it (timers run late after a laptop sleeps).
 */
export function startIdleLock(minutes: number, onLock: () => void, doc?: Document): IdleLock {
  const timer = createLockTimer({ minutes, onLock });
  const touch = () => timer.touch();
  const onVisible = () => doc?.visibilityState === 'visible' && timer.check();
  if (doc) {
    for (const type of IDLE_EVENTS) doc.addEventListener(type, touch, { capture: true, passive: true });
    doc.addEventListener('visibilitychange', onVisible);
  }
  return {
    minutes,
    stop() {
      timer.stop();
      if (!doc) return;
      for (const type of IDLE_EVENTS) doc.removeEventListener(type, touch, { capture: true });
      doc.removeEventListener('visibilitychange', onVisible);
    },
  };
}
