import { useEffect, useRef } from 'preact/hooks';
import type { Question } from '@/lib/messaging/fill-flow';

/**
 * The control the clinician last focused, even after it lost focus by being disabled (a "Fill chart" button is
 * disabled while its fill runs, and the fill may then ask a question): the dialog gives focus back to it.
 */
let lastFocused: WeakRef<HTMLElement> | undefined;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => {
    const el = e.target;
    if (el instanceof HTMLElement && !el.closest('[role="alertdialog"]')) lastFocused = new WeakRef(el);
  });
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Give focus back to `el` once it can take it (a disabled button: when it is enabled again), unless focus moved on. */
function returnFocus(el: HTMLElement | undefined): void {
  if (!el) return;
  const doc = el.ownerDocument;
  const nowhere = () => !doc.activeElement || doc.activeElement === doc.body;
  const tryFocus = () => {
    if (!el.isConnected || !nowhere()) return true;
    if ((el as HTMLButtonElement).disabled) return false;
    el.focus();
    return true;
  };
  if (tryFocus()) return;
  const observer = new MutationObserver(() => tryFocus() && stop());
  const timer = setTimeout(() => stop(), 60_000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(el, { attributes: true, attributeFilter: ['disabled'] });
}

/**
 * The panel's one way to ask before acting: an in-panel alertdialog, focus on the safe default. While it is open,
 * Tab and Shift+Tab cycle through its buttons and focus cannot leave it; when it closes, focus goes back to the
 * control that opened it.
 */
export function AlertDialog({ question, onAnswer }: { question: Question; onAnswer: (choice: string) => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const defaultButton = useRef<HTMLButtonElement>(null);
  // One opener for the dialog's whole life (consecutive questions of one fill reuse the dialog), read before the
  // default button takes focus.
  useEffect(() => {
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body && !dialog.current?.contains(active) ? active : lastFocused?.deref();
    // Focus that escapes (a click on the backdrop, a script) is brought back to the safe default.
    const keepInside = (e: FocusEvent) => {
      if (dialog.current && e.target instanceof Node && !dialog.current.contains(e.target)) defaultButton.current?.focus();
    };
    document.addEventListener('focusin', keepInside);
    return () => {
      document.removeEventListener('focusin', keepInside);
      // After this render's DOM is gone (the focused button with it).
      setTimeout(() => returnFocus(opener), 0);
    };
  }, []);
  useEffect(() => defaultButton.current?.focus(), [question]);
  const cancel = question.choices.find((c) => c.id === 'cancel')?.id ?? question.defaultChoice;
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onAnswer(cancel);
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && (document.activeElement === first || !dialog.current.contains(document.activeElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }
  return (
    <div class="backdrop">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-message"
        class="dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id="dialog-title">{question.title}</h2>
        <div id="dialog-message">
          <p>{question.message}</p>
          {question.details && (
            <ul class="dialog-details">
              {question.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
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
