import { useId } from 'preact/hooks';

/** A labelled multi-line field; the visible label is its accessible name. */
export function TextArea(props: { label: string; value: string; onInput: (value: string) => void; rows?: number; hint?: string }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && <small>{props.hint}</small>}
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

export function TextInput(props: { label: string; value: string; onInput: (value: string) => void; type?: 'text' | 'date' | 'time' }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input id={id} type={(props.type ?? 'text') as 'text'} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
    </div>
  );
}
