import type { Session } from '@/lib/model';
import { formatDate } from '@/lib/compose';

export function PastSessions({ sessions, currentId, onOpen }: { sessions: Session[]; currentId: string; onOpen: (id: string) => void }) {
  const others = sessions.filter((s) => s.id !== currentId);
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="past-heading" class="card">
      <h2 id="past-heading">Past sessions</h2>
      <ul class="past">
        {others.slice(0, 50).map((s) => (
          <li key={s.id}>
            <button type="button" class="link" onClick={() => onOpen(s.id)}>
              {formatDate(s.date) || 'No date'} · {s.clinical.groupName.trim() || 'Unnamed group'}
              {s.completed ? ' · complete' : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
