/**
 * Idle lock: calls `onLock` once when no activity was reported for `minutes`.
 *
 * `touch()` is cheap (it only records the time) so it can run on every keystroke; the one pending timeout checks the
 * real elapsed time when it fires and waits again for the remainder. Timers are late after a laptop sleeps, so the
 * panel also calls `check()` when it becomes visible: a panel left open overnight locks as soon as it is looked at.
 */
export interface LockTimer {
  /** Activity: start the idle period again. Does nothing once locked. */
  touch(): void;
  /** Lock now if the idle period has passed; returns whether it is locked. */
  check(): boolean;
  setMinutes(minutes: number): void;
  /** Stop without locking (panel closing, encryption turned off). */
  stop(): void;
  readonly locked: boolean;
}

export interface LockTimerOptions {
  minutes: number;
  onLock: () => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createLockTimer({
  minutes,
  onLock,
  now = () => Date.now(),
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}: LockTimerOptions): LockTimer {
  let idleMs = minutes * 60_000;
  let last = now();
  let handle: unknown;
  let locked = false;
  let stopped = false;

  function schedule(ms: number): void {
    if (handle !== undefined) clearTimer(handle);
    handle = setTimer(fire, Math.max(0, ms));
  }

  function fire(): void {
    handle = undefined;
    if (!check()) schedule(last + idleMs - now());
  }

  function check(): boolean {
    if (locked || stopped) return locked;
    if (now() - last >= idleMs) {
      locked = true;
      if (handle !== undefined) clearTimer(handle);
      handle = undefined;
      onLock();
    }
    return locked;
  }

  schedule(idleMs);
  return {
    touch() {
      if (!locked && !stopped) last = now();
    },
    check,
    setMinutes(m) {
      idleMs = m * 60_000;
      if (!locked && !stopped && !check()) schedule(last + idleMs - now());
    },
    stop() {
      stopped = true;
      if (handle !== undefined) clearTimer(handle);
      handle = undefined;
    },
    get locked() {
      return locked;
    },
  };
}
