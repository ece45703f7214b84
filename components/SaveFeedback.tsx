/** What a settings editor says after "Save": every problem that kept it from saving, or how the save went. */
export function SaveFeedback({
  problems,
  intro,
  message,
}: {
  problems: string[];
  intro: string;
  message?: { kind: 'ok' | 'error'; text: string };
}) {
  return (
    <>
      {problems.length > 0 && (
        <div role="alert" class="error">
          <p>{intro}</p>
          <ul class="problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p role={message.kind === 'ok' ? 'status' : 'alert'} class={message.kind === 'ok' ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </>
  );
}
