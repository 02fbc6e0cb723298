import { describe, expect, it } from 'vitest';
import { parseQuery, segmentChinese } from './query-parser.ts';

const clauses = (q: string, locale = 'en') => parseQuery(q, locale).clauses.map((c) => c.text);

describe('reading a query', () => {
  it('drops stop and question words in every supported language', () => {
    expect(clauses('how can cities support refugees')).toEqual(['cities', 'support', 'refugees']);
    expect(clauses('comment loger les réfugiés', 'fr')).toEqual(['loger', 'refugies']);
    expect(clauses('cómo integrar a los niños en la escuela', 'es')).toEqual(['integrar', 'ninos', 'escuela']);
    // German is no interface language: its stop words show the query is German.
    expect(clauses('wie helfen Städte Geflüchteten')).toEqual(['helfen', 'stadte', 'gefluchteten']);
    expect(clauses('как помочь мигрантам', 'ru')).toEqual(['помочь', 'мигрантам']);
    expect(clauses('كيف تدعم المدن اللاجئين', 'ar')).not.toContain('كيف');
    expect(clauses('如何帮助难民', 'zh')).not.toContain('如何');
  });

  it('keeps quoted phrases as required, -word as excluded, and reads "or" as the default', () => {
    const parsed = parseQuery('"language course" refugees -housing or shelter', 'en');
    expect(parsed.phrases).toEqual(['language course']);
    expect(parsed.excluded).toEqual(['housing']);
    // The phrase's words also rank; "or" and the excluded word do not.
    expect(parsed.clauses.map((c) => c.text).filter((t) => !t.startsWith('language'))).toEqual(
      ['course', 'refugees', 'shelter'].filter((t) => parsed.clauses.some((c) => c.text === t)),
    );
    expect(parsed.clauses.map((c) => c.text)).toEqual(expect.arrayContaining(['refugees', 'shelter']));
    expect(parsed.clauses.map((c) => c.text)).not.toContain('or');
    expect(parsed.clauses.map((c) => c.text)).not.toContain('housing');
  });

  it('takes the longest glossary term, and finds terms by their stems', () => {
    const asylum = parseQuery('help for asylum seekers', 'en').clauses;
    expect(asylum.map((c) => c.text)).toContain('asylum seekers');
    expect(asylum.find((c) => c.text === 'asylum seekers')?.alternatives.some((a) => a.lang === 'fr')).toBe(true);
    // "اللاجئون" (the refugees) is the glossary's "لاجئون" with the article.
    const ar = parseQuery('اللاجئون', 'ar').clauses[0];
    expect(ar.alternatives.some((a) => a.text === 'refugees')).toBe(true);
    const ru = parseQuery('мигрантам', 'ru').clauses[0];
    expect(ru.alternatives.some((a) => a.lang === 'en')).toBe(true);
  });

  it('searches the words of a longer glossary term on their own too, weakly and unreported', () => {
    const clauses = parseQuery('интеграция детей мигрантов', 'ru').clauses;
    const term = clauses.find((c) => c.text === 'детеи мигрантов');
    expect(term?.partOfTerm).toBeUndefined();
    expect(clauses.filter((c) => c.partOfTerm).map((c) => c.text)).toEqual(['детеи', 'мигрантов']);
    // "детей" alone brings the children concept.
    expect(clauses.find((c) => c.text === 'детеи')?.alternatives.some((a) => a.text === 'children')).toBe(true);
  });

  it('segments Chinese at glossary words and stop words, in bigrams elsewhere', () => {
    expect(segmentChinese('难民住房')).toEqual(['难民', '住房']);
    expect(clauses('为难民提供住房', 'zh')).toEqual(expect.arrayContaining(['难民', '住房']));
  });

  it('keeps a query of stop words only as nothing to search for', () => {
    expect(clauses('how do we')).toEqual([]);
  });
});
