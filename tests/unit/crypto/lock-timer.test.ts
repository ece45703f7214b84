import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLockTimer } from '@/lib/crypto';

const MIN = 60_000;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('lock timer', () => {
  it('locks once after the idle period', async () => {
    const onLock = vi.fn();
    const timer = createLockTimer({ minutes: 15, onLock });
    await vi.advanceTimersByTimeAsync(15 * MIN - 1);
    expect(onLock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(timer.locked).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * MIN);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('activity starts the idle period again', async () => {
    const onLock = vi.fn();
    const timer = createLockTimer({ minutes: 15, onLock });
    await vi.advanceTimersByTimeAsync(10 * MIN);
    timer.touch();
    await vi.advanceTimersByTimeAsync(14 * MIN);
    expect(onLock).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1 * MIN);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('check() locks at once when timers were late (the computer slept)', () => {
    let now = 0;
    const onLock = vi.fn();
    const timer = createLockTimer({ minutes: 5, onLock, now: () => now });
    now = 6 * MIN; // no timer has fired
    expect(onLock).not.toHaveBeenCalled();
    expect(timer.check()).toBe(true);
    expect(onLock).toHaveBeenCalledTimes(1);
  });

  it('setMinutes applies to the running period; stop() never locks; touch() after locking does not unlock', async () => {
    const onLock = vi.fn();
    const timer = createLockTimer({ minutes: 15, onLock });
    await vi.advanceTimersByTimeAsync(3 * MIN);
    timer.setMinutes(2);
    expect(onLock).toHaveBeenCalledTimes(1);
    timer.touch();
    expect(timer.locked).toBe(true);

    const other = vi.fn();
    const stopped = createLockTimer({ minutes: 1, onLock: other });
    stopped.stop();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(stopped.check()).toBe(false);
    expect(other).not.toHaveBeenCalled();
  });
});
