export interface Mark {
  start: number;
  end: number;
  kind: string;
  title?: string;
}

// Finds every occurrence of each phrase (case-insensitive) and returns non-overlapping
// marks, earlier and longer phrases winning.
export function findMarks(text: string, phrases: { text: string; kind: string; title?: string }[]) {
  const lower = text.toLowerCase();
  const marks: Mark[] = [];
  for (const phrase of phrases) {
    const needle = phrase.text.trim().toLowerCase();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      marks.push({ start: at, end: at + needle.length, kind: phrase.kind, title: phrase.title });
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const mark of marks) {
    if (!kept.length || mark.start >= kept[kept.length - 1].end) kept.push(mark);
  }
  return kept;
}

export function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  const parts = [];
  let at = 0;
  for (const [index, mark] of marks.entries()) {
    if (mark.start > at) parts.push(text.slice(at, mark.start));
    parts.push(
      <mark key={index} class={`hl hl-${mark.kind}`} title={mark.title ?? mark.kind}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
