/**
 * Shorter renderings of a composed note for fields with a length limit. Pure: the clinician chooses one of them
 * in the panel; nothing here is ever applied without asking.
 */

/**
 * The note with every section heading (a line that is one of `headings`, with or without a colon) shortened to
 * its first letter and a colon and joined to the line after it ("Plan\nReturn next week" → "P: Return next week"),
 * blank lines dropped and runs of spaces collapsed. Every word of the note's content is kept.
 */
export function compactNote(note: string, headings: readonly string[] = []): string {
  const known = new Set(headings.map((h) => h.trim().toLowerCase()).filter(Boolean));
  const out: string[] = [];
  let pending = '';
  for (const raw of note.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (!line) continue;
    if (known.has(line.replace(/:$/, '').toLowerCase())) {
      if (pending) out.push(pending);
      pending = `${line[0]!.toUpperCase()}:`;
      continue;
    }
    out.push(pending ? `${pending} ${line}` : line);
    pending = '';
  }
  if (pending) out.push(pending);
  return out.join('\n');
}

/**
 * Splits `text` so that the first part has at most `room` characters and ends at a line end or a sentence end
 * (else a word end; a hard cut only when there is no space at all). The parts together hold every word of `text`.
 */
export function cutToFit(text: string, room: number): { head: string; rest: string } {
  if (text.length <= room) return { head: text, rest: '' };
  const window = text.slice(0, room + 1);
  let at = -1;
  // A line end, or a sentence end followed by white space, at or before `room`.
  for (const m of window.matchAll(/\n|[.!?][)"'’”\]]*(?=\s)/g)) {
    const end = m.index + m[0].length;
    if (end <= room) at = end;
  }
  if (at <= 0) at = window.lastIndexOf(' ', room);
  if (at <= 0) at = room;
  return { head: text.slice(0, at).trimEnd(), rest: text.slice(at).trimStart() };
}
