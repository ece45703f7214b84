import { useEffect, useRef } from 'preact/hooks';
import type { Question } from '@/lib/messaging/fill-flow';

/** The panel's one way to ask before acting: an in-panel alertdialog, focus on the safe default. */
export function AlertDialog({ question, onAnswer }: { question: Question; onAnswer: (choice: string) => void }) {
  const defaultButton = useRef<HTMLButtonElement>(null);
  useEffect(() => defaultButton.current?.focus(), [question]);
  const cancel = question.choices.find((c) => c.id === 'cancel')?.id ?? question.defaultChoice;
  return (
    <div class="backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-message"
        class="dialog"
        onKeyDown={(e) => e.key === 'Escape' && onAnswer(cancel)}
      >
        <h2 id="dialog-title">{question.title}</h2>
        <p id="dialog-message">{question.message}</p>
        <div class="dialog-buttons">
          {question.choices.map((choice) => (
            <button
              type="button"
              key={choice.id}
              ref={choice.id === question.defaultChoice ? defaultButton : undefined}
              onClick={() => onAnswer(choice.id)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
