import { useEffect, useRef, useState } from 'preact/hooks';
import type { Template } from '@/lib/compose';
import type { EntryReview } from '@/lib/checks/review';
import type { Entry, Session } from '@/lib/model';

type ReviewModule = typeof import('@/lib/checks/review');

/** How long typing must pause before the findings are worked out again. */
export const REVIEW_DELAY_MS = 200;

/**
 * The checks' findings per member, worked out off the typing path: the first time right after the panel is on
 * screen, then once typing pauses. The checks are the largest part of the panel's code, so they load after the
 * session is on screen too (compiling them on the main thread earlier would delay it). A fill never relies on these:
 * it runs the checks afresh (`reviewNow`).
 */
export function useReviews(session: Session | undefined, entries: Entry[], template: Template | undefined) {
  const [checks, setChecks] = useState<ReviewModule>();
  const hasSession = session !== undefined;
  useEffect(() => {
    if (hasSession && !checks) void import('@/lib/checks/review').then(setChecks);
  }, [hasSession]);
  const [reviews, setReviews] = useState<Map<string, EntryReview>>(() => new Map());
  const reviewed = useRef(false);
  useEffect(() => {
    if (!checks || !session || !template) return;
    const timer = setTimeout(
      () => {
        reviewed.current = true;
        setReviews(checks.reviewSession(session, entries, template));
      },
      reviewed.current ? REVIEW_DELAY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [checks, session, entries, template]);

  /** The findings for one member as the text stands now (loads the checks if they are not loaded yet). */
  async function reviewNow(entryId: string): Promise<EntryReview | undefined> {
    if (!session || !template) return undefined;
    return (checks ?? (await import('@/lib/checks/review'))).reviewSession(session, entries, template).get(entryId);
  }
  return { reviews, reviewNow };
}
