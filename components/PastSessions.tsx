import { useEffect, useId, useState } from 'preact/hooks';
import type { Session } from '@/lib/model';
import { formatDate } from '@/lib/compose';

const SHOWN = 50;

/** Session history by date, searchable by group and member name. */
export function PastSessions({
  sessions,
  currentId,
  onOpen,
  search,
}: {
  sessions: Session[];
  currentId: string;
  onOpen: (id: string) => void;
  search: (query: string) => Promise<Session[]>;
}) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Session[]>();
  useEffect(() => {
    if (!query.trim()) {
      setFound(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => void search(query).then((r) => current && setFound(r)), 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  const list = (found ?? [...sessions].sort((a, b) => b.date.localeCompare(a.date))).filter((s) => s.id !== currentId);
  if (sessions.length <= 1) return null;
  return (
    <section aria-labelledby="past-heading" class="card past-sessions">
      <h2 id="past-heading">Past sessions</h2>
      <div class="field">
        <label for={searchId}>Search past sessions</label>
        <input id={searchId} type="search" placeholder="Group or member name" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {list.length === 0 ? (
        <p class="hint">No past session matches.</p>
      ) : (
        <ul class="past">
          {list.slice(0, SHOWN).map((s) => (
            <li key={s.id}>
              <button type="button" class="link" onClick={() => onOpen(s.id)}>
                {formatDate(s.date) || 'No date'} · {s.clinical.groupName.trim() || 'Unnamed group'}
                {s.completed ? ' · complete' : ''}
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.length > SHOWN && <p class="hint">Showing the {SHOWN} most recent of {list.length}; search to narrow.</p>}
    </section>
  );
}
