import { analyze } from './analyzer.ts';

/** A run of text, marked when it is a word the query matched. */
export interface TextSegment {
  text: string;
  mark?: true;
}

/**
 * A text cut into runs, the words whose index key the query matched marked (the view wraps
 * them in <mark>). Words are read in the text's language, as the index read them.
 * @example markMatches('Housing for refugees', 'en', new Set(['en:hous'])) // [{ text: 'Housing', mark: true }, { text: ' for refugees' }]
 */
export function markMatches(text: string, language: string, keys: Set<string>): TextSegment[] {
  const out: TextSegment[] = [];
  let at = 0;
  for (const t of analyze(text, language)) {
    if (!keys.has(t.key)) continue;
    const start = Math.max(t.start, at);
    if (start > at) out.push({ text: text.slice(at, start) });
    if (t.end > start) out.push({ text: text.slice(start, t.end), mark: true });
    at = Math.max(at, t.end);
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return mergeMarks(out);
}

/** Joins neighbouring marked runs separated only by spaces ("language course" as one mark). */
function mergeMarks(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last?.mark && s.mark) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** Whether any run is marked. */
export function hasMark(segments: TextSegment[]): boolean {
  return segments.some((s) => s.mark);
}

/**
 * An excerpt of about `max` characters around the first marked words of a long text, cut at
 * word boundaries, with "…" where it was cut.
 * @example excerpt(markMatches(body, 'en', keys), 240)
 */
export function excerpt(segments: TextSegment[], max = 240): TextSegment[] {
  const full = segments.map((s) => s.text).join('');
  if (full.length <= max) return segments;
  let pos = 0;
  let first = 0;
  for (const s of segments) {
    if (s.mark) {
      first = pos;
      break;
    }
    pos += s.text.length;
  }
  let start = Math.max(0, first - Math.floor(max / 3));
  if (start > 0) start = full.indexOf(' ', start) + 1 || start;
  let end = Math.min(full.length, start + max);
  if (end < full.length) end = full.lastIndexOf(' ', end) > start ? full.lastIndexOf(' ', end) : end;
  const out: TextSegment[] = start > 0 ? [{ text: '… ' }] : [];
  pos = 0;
  for (const s of segments) {
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + s.text.length);
    if (to > from) out.push({ text: s.text.slice(from - pos, to - pos), ...(s.mark ? { mark: true as const } : {}) });
    pos += s.text.length;
  }
  if (end < full.length) out.push({ text: ' …' });
  return out;
}
