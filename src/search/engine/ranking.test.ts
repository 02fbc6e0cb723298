import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-parser.ts';
import { clauseGroups, scoreClauses, scoreGroups } from './ranking.ts';
import { type IndexDoc, TextIndex } from './text-index.ts';

const doc = (seq: number, title: string, summary: string): IndexDoc => ({
  seq,
  hash: `${seq}:${title}`,
  parts: [
    { field: 'title', text: title, language: 'en' },
    { field: 'summary', text: summary, language: 'en' },
  ],
});

/** Score of each practice for a query, by seq. */
function scoresBySeq(index: TextIndex, q: string): Map<number, number> {
  const parsed = parseQuery(q, 'en');
  const scored = scoreClauses(index, parsed.clauses, parsed.languages);
  return new Map(Array.from(scored.slots, (slot, i) => [index.slotSeq[slot], scored.scores[i]]));
}

describe('ranking', () => {
  const docs = Array.from({ length: 300 }, (_, i) =>
    doc(
      i + 1,
      i % 3 === 0 ? `Housing for refugees ${i}` : `Language classes ${i}`,
      i % 2 ? 'Refugees find housing with the city.' : 'Migrants learn the language.',
    ),
  );

  it('ranks a practice holding the words in its title above one holding them in its summary only', () => {
    const index = new TextIndex();
    for (const d of docs) index.put(d);
    const s = scoresBySeq(index, 'housing refugees');
    // Seq 4 (i = 3): "Housing for refugees" title; seq 2 (i = 1): the words in the summary only.
    expect(s.get(4)).toBeGreaterThan(s.get(2) ?? 0);
    expect(s.has(2)).toBe(true);
    expect(s.has(3), 'no word of the query').toBe(false);
  });

  it('scores a broad word the same after writes as an index built afresh with the same practices', () => {
    const index = new TextIndex();
    for (const d of docs) index.put(d);
    scoresBySeq(index, 'housing'); // fills the broad clause's cache
    // A new practice and a changed one: new slots patched into the cached counts, the old slot dead.
    const added = doc(1000, 'Housing first in Turin', 'Flats for refugees.');
    const changed = doc(4, 'Language cafés', 'Neighbours meet.');
    index.put(added);
    index.put(changed);
    const fresh = new TextIndex();
    for (const d of [...docs.filter((d) => d.seq !== 4), changed, added]) fresh.put(d);
    const patched = scoresBySeq(index, 'housing');
    const rebuilt = scoresBySeq(fresh, 'housing');
    expect([...patched.keys()].sort((a, b) => a - b)).toEqual([...rebuilt.keys()].sort((a, b) => a - b));
    expect(patched.has(4)).toBe(false);
    expect(patched.has(1000)).toBe(true);
    // Lengths' averages drift by a practice: scores agree to well within a percent.
    for (const [seq, score] of rebuilt) expect(Math.abs((patched.get(seq) ?? 0) - score) / score).toBeLessThan(0.01);
  });

  it('drops a spelling correction once a practice written later spells the word as typed', () => {
    const index = new TextIndex();
    for (const d of docs) index.put(d);
    const report = () => {
      const parsed = parseQuery('housin', 'en');
      return scoreClauses(index, parsed.clauses, parsed.languages).reports[0];
    };
    expect(report().correctedTo).toBe('housing');
    index.put(doc(900, 'Housin cooperative', 'A name spelt its own way.'));
    expect(report().correctedTo).toBeUndefined();
    expect(report().matches).toBe(1);
  });

  it('scores a clause of a broad glossary concept the same from the concept’s shared counts as from its own groups', () => {
    const build = () => {
      const index = new TextIndex();
      for (const d of docs) index.put(d);
      // French and Spanish records, so that the concept's other languages count too.
      index.put({ seq: 501, hash: '501', parts: [{ field: 'title', text: 'Logement des réfugiés', language: 'fr' }] });
      index.put({ seq: 502, hash: '502', parts: [{ field: 'title', text: 'Vivienda para refugiados', language: 'es' }] });
      return index;
    };
    for (const q of ['housing', 'logement', 'flat']) {
      const parsed = parseQuery(q, 'en');
      const shared = build();
      const own = build();
      const resolved = clauseGroups(shared, parsed.clauses[0], parsed.languages);
      expect(resolved.concept?.id, q).toBe('housing');
      const viaConcept = scoreGroups(shared, [{ text: q, ...resolved }]);
      const groupByGroup = scoreGroups(own, [{ text: q, groups: resolved.groups }]);
      const bySeq = (index: TextIndex, s: typeof viaConcept) => new Map(Array.from(s.slots, (slot, i) => [index.slotSeq[slot], s.scores[i]]));
      const a = bySeq(shared, viaConcept);
      const b = bySeq(own, groupByGroup);
      expect([...a.keys()].sort(), q).toEqual([...b.keys()].sort());
      expect(a.has(501) && a.has(502), q).toBe(true);
      for (const [seq, score] of b) expect(a.get(seq), `${q} ${seq}`).toBeCloseTo(score, 4);
    }
  });
});

describe('the page of a ranked search', () => {
  it('is the same slice of one ordering whether the page is near or deep', async () => {
    const { topRows } = await import('./text-match.ts');
    const n = 5000;
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    // Scores with many ties, so row order must break them the same way on every path.
    const match = { rows, scores: Float32Array.from({ length: n }, (_, i) => (i * 7919) % 97), reports: [], markKeys: new Set<string>() };
    const all = Array.from(rows).sort((a, b) => match.scores[b] - match.scores[a] || a - b);
    expect(Array.from(topRows(match, rows, 0, 20))).toEqual(all.slice(0, 20));
    expect(Array.from(topRows(match, rows, 40, 20))).toEqual(all.slice(40, 60));
    expect(Array.from(topRows(match, rows, 3000, 20))).toEqual(all.slice(3000, 3020));
    expect(Array.from(topRows(match, rows, 4990, 20))).toEqual(all.slice(4990, 5000));
  });
});

describe('phrases', () => {
  it('finds words side by side in one part of the text, stop words between them skipped', () => {
    const index = new TextIndex();
    index.put(doc(1, 'Language courses for newcomers', 'Weekly classes.'));
    index.put(doc(2, 'Courses in the local language', 'Language, then courses.'));
    index.put(doc(3, 'City of Sanctuary', 'A language'));
    index.put({
      seq: 4,
      hash: '4',
      parts: [
        { field: 'title', text: 'Help with language', language: 'en' },
        { field: 'summary', text: 'Courses weekly', language: 'en' },
      ],
    });
    const keys = (text: string) => text.split(' ').map((w) => (w === '_' ? null : `en:${w}`));
    // Not "Language, then courses" (a word between) nor a title's last word and the summary's first.
    expect(index.slotsWithSequence(keys('languag cours')).map((s) => index.slotSeq[s])).toEqual([1]);
    expect(index.slotsWithSequence(keys('citi _ sanctuari')).map((s) => index.slotSeq[s])).toEqual([3]);
    expect(index.slotsWithSequence(keys('citi sanctuari'))).toEqual([]);
  });

  it('still finds phrases where they are after removed practices were compacted away', () => {
    const index = new TextIndex();
    for (let seq = 1; seq <= 40; seq++) index.put(doc(seq, seq % 2 ? 'Language courses for newcomers' : 'Courses and language', `Text ${seq}.`));
    for (let seq = 1; seq <= 20; seq++) index.remove(seq);
    index.compact();
    const keys = (text: string) => text.split(' ').map((w) => `en:${w}`);
    const found = index.slotsWithSequence(keys('languag cours')).map((s) => index.slotSeq[s]);
    expect(found).toEqual([21, 23, 25, 27, 29, 31, 33, 35, 37, 39]);
    expect(index.slotsWithSequence(keys('cours languag'))).toEqual([]);
  });
});

describe('a group of several words', () => {
  it('matches only documents holding every word, however long the common word’s list is', () => {
    const index = new TextIndex();
    // "housing" everywhere, "shelter" in a few, both together in fewer still; some removed again.
    for (let seq = 1; seq <= 2000; seq++) {
      const words = [seq % 10 === 0 ? 'shelter' : 'support', 'housing'];
      index.put(doc(seq, words.join(' '), seq % 7 === 0 ? 'night shelter' : 'a desk'));
    }
    for (let seq = 10; seq <= 2000; seq += 100) index.remove(seq);
    const keys = ['en:shelter', 'en:hous'];
    const scored = scoreGroups(index, [{ text: 'shelter housing', groups: [{ keys, weight: 1 }] }]);
    const matched = new Set(Array.from(scored.slots, (slot) => index.slotSeq[slot]));
    const expected = new Set<number>();
    for (let seq = 1; seq <= 2000; seq++) if ((seq % 10 === 0 || seq % 7 === 0) && !(seq % 100 === 10)) expected.add(seq);
    expect(matched).toEqual(expected);
    // Counted by the word held least: one "housing" each, so every document scores the same
    // when its title alone holds "shelter".
    const titleOnly = [20, 30].map((seq) => scored.scores[Array.from(scored.slots).findIndex((slot) => index.slotSeq[slot] === seq)]);
    expect(titleOnly[0]).toBeCloseTo(titleOnly[1], 5);
  });

  it('finds the same documents whether a rare word is looked up in a common one or both lists are walked whole', () => {
    const index = new TextIndex();
    // "desk" in most, "night" in a seventh (lists walked whole), "turin" in a hundredth (looked up).
    for (let seq = 1; seq <= 3000; seq++) index.put(doc(seq, seq % 100 === 0 ? 'Turin desk' : 'Help desk', seq % 7 === 0 ? 'Open at night' : 'Open by day'));
    for (let seq = 900; seq <= 3000; seq += 900) index.remove(seq);
    const seqsOf = (keys: string[]) => {
      const scored = scoreGroups(index, [{ text: keys.join(' '), groups: [{ keys, weight: 1 }] }]);
      return Array.from(scored.slots, (slot) => index.slotSeq[slot]).sort((a, b) => a - b);
    };
    const expected = (test: (seq: number) => boolean) => Array.from({ length: 3000 }, (_, i) => i + 1).filter((seq) => test(seq) && seq % 900 !== 0);
    expect(seqsOf(['en:night', 'en:desk'])).toEqual(expected((seq) => seq % 7 === 0));
    expect(seqsOf(['en:turin', 'en:desk'])).toEqual(expected((seq) => seq % 100 === 0));
    expect(seqsOf(['en:turin', 'en:night', 'en:desk'])).toEqual(expected((seq) => seq % 700 === 0));
    // Lists of comparable length that overlap in part, walked whole.
    expect(seqsOf(['en:night', 'en:turin'])).toEqual(expected((seq) => seq % 700 === 0));
  });
});
