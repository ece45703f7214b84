import { useEffect, useState } from 'preact/hooks';

/**
 * False until the browser has painted once after `ready`: what is below the fold can render a frame later, so the
 * part the clinician sees first is on screen (and usable) sooner. Preact runs effects after the paint.
 */
export function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (ready) setPainted(true);
  }, [ready]);
  return painted;
}
