import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { checkPhraseText, dynamicName, phrasesToText, type PhraseLibrary } from '@/lib/capture/phrases';
import { DbError } from '@/lib/db/errors';
import { DYNAMICS, type Dynamic } from '@/lib/model';
import { TextArea } from './TextArea';
import type { PhrasesApi } from './use-phrases';
import { SaveFeedback } from './SaveFeedback';

type Message = { kind: 'ok' | 'error'; text: string } | undefined;

const textsOf = (phrases: PhraseLibrary) =>
  Object.fromEntries(DYNAMICS.map((d) => [d, phrasesToText(phrases[d] ?? [])])) as Record<Dynamic, string>;

/**
 * The clinic's phrase library: objective sentences per dynamic, one per line, offered under each dynamics field of
 * every member ("Add phrase"). Every phrase passes the objectivity check before the library is saved.
 */
export function PhraseEditor({ library }: { library: Pick<PhrasesApi, 'phrases' | 'problem' | 'save'> & Partial<Pick<PhrasesApi, 'own' | 'clinic'>> }) {
  // Only the clinician's own phrases are edited and saved; the clinic's are shown beside them, read-only.
  const own = library.own ?? library.phrases;
  const clinic = library.clinic ?? {};
  const [texts, setTexts] = useState(() => textsOf(own));
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<Message>();
  const [busy, setBusy] = useState(false);

  // The stored library can arrive after the editor opened; untouched text follows it.
  useEffect(() => {
    if (!dirty) setTexts(textsOf(own));
  }, [own]);

  async function save() {
    const checked = checkPhraseText(texts);
    if (!checked.ok) {
      setProblems(checked.problems);
      setMessage(undefined);
      return;
    }
    setProblems([]);
    setBusy(true);
    setMessage(undefined);
    try {
      await library.save(checked.phrases);
      setTexts(textsOf(checked.phrases));
      setDirty(false);
      setMessage({ kind: 'ok', text: 'Phrases saved. They are offered under “Add phrase” in every member’s note.' });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof DbError ? error.message : 'Could not save the phrases. Nothing was changed.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="phrase-editor">
      {library.problem && (
        <p role="alert" class="error">
          {library.problem}
        </p>
      )}
      <p class="hint">One phrase per line. Describe what was observed; phrases with judgemental wording are refused.</p>
      {DYNAMICS.map((dynamic) => (
        <Fragment key={dynamic}>
          <ClinicPhrases name={dynamicName(dynamic)} phrases={clinic[dynamic] ?? []} />
          <TextArea
            label={`Phrases: ${dynamicName(dynamic)}`}
            value={texts[dynamic]}
            rows={4}
            onInput={(value) => {
              setTexts((t) => ({ ...t, [dynamic]: value }));
              setDirty(true);
              setMessage(undefined);
            }}
          />
        </Fragment>
      ))}
      <SaveFeedback problems={problems} intro="Not saved. Change these phrases first:" message={message} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void save()}>
          Save phrases
        </button>
      </div>
    </div>
  );
}

/** The clinic's phrases for one dynamic (set by policy): listed, marked as the clinic's, not editable here. */
function ClinicPhrases({ name, phrases }: { name: string; phrases: readonly string[] }) {
  if (phrases.length === 0) return null;
  return (
    <div role="group" aria-label={`From your clinic: ${name}`} class="clinic-phrases">
      <p class="hint">
        <span class="managed">From your clinic</span> {name}: offered first under “Add phrase”; read-only here.
      </p>
      <ul>
        {phrases.map((phrase) => (
          <li key={phrase}>{phrase}</li>
        ))}
      </ul>
    </div>
  );
}
