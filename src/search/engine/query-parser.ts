import { chineseGlossaryTerms, type GlossaryTerm, glossaryAlternatives, longestTermWords, queryWords } from './glossary-index.ts';
import { chineseStopWords, isStopWord, stopWordLanguages, stopWordLanguagesOf } from './stop-words.ts';

/** One meaningful unit of a query: a word, or a term the glossary knows, with its equivalents. */
export interface QueryClause {
  /** The words as typed (folded), joined by spaces. */
  text: string;
  alternatives: GlossaryTerm[];
  /** One word of a longer glossary term, also searched on its own (weakly); not reported. */
  partOfTerm?: true;
}

/** A query read with web-search syntax and best-match semantics. */
export interface ParsedQuery {
  /** Units any of which may match; practices matching more (and rarer) ones rank higher. */
  clauses: QueryClause[];
  /** Quoted phrases, each of which a practice must contain. */
  phrases: string[];
  /** Words after a minus: a practice holding one is left out. */
  excluded: string[];
  /** Words dropped as carrying no topic ("how", "pour", "如何"). */
  dropped: string[];
  /** Languages the query seems written in: the interface's, English, and any its stop words show. */
  languages: string[];
}

const han = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/u;
const chineseDictionary = [...new Set([...chineseGlossaryTerms, ...chineseStopWords])].sort((a, b) => b.length - a.length);

/**
 * Splits a run of Chinese characters at the glossary's terms and known stop words, and into
 * two-character words elsewhere (as the index does): "如何为难民提供住房" → 如何 为难 难民 提供 住房.
 */
export function segmentChinese(run: string): string[] {
  const out: string[] = [];
  let rest = '';
  const flush = () => {
    const chars = [...rest];
    // A lone character left between dictionary words: a stop word ("为", "和") goes; another joins its neighbour.
    if (chars.length === 1 && isStopWord(rest, 'zh')) rest = '';
    else if (chars.length === 1 && out.length) out.push(out[out.length - 1].slice(-1) + rest);
    else if (chars.length <= 2 && rest) out.push(rest);
    else for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
    rest = '';
  };
  for (let i = 0; i < run.length; ) {
    const term = chineseDictionary.find((t) => run.startsWith(t, i));
    if (term) {
      flush();
      out.push(term);
      i += term.length;
    } else {
      rest += run[i];
      i += 1;
    }
  }
  flush();
  return out;
}

/** The query's words, Chinese runs segmented. */
function wordsOf(text: string): string[] {
  return queryWords(text).flatMap((w) => (han.test(w) ? segmentChinese(w) : [w]));
}

/**
 * The languages whose stop words are dropped from a query: the interface language, English,
 * and any language that one of the query's other words shows it is written in ("für" → German).
 */
function queryLanguages(words: string[], locale: string): Set<string> {
  const langs = new Set([locale, 'en']);
  for (const w of words) {
    const of = stopWordLanguagesOf(w);
    if (of.length && !of.some((l) => langs.has(l)) && of.length < stopWordLanguages.length) for (const l of of) langs.add(l);
  }
  return langs;
}

/** Linking letters between the parts of a compound: Gesundheit-s-versorgung, Frau-en-haus. */
const linking = ['', 's', 'es', 'n', 'en', 'er'];

/**
 * A compound word split into glossary terms ("Gesundheitsversorgung" → Gesundheit + Versorgung,
 * "Sprachkurse" → Sprache + Kurs): German and the Nordic languages write as one word what the
 * glossary holds as two. Undefined unless both parts are glossary terms (by their stems in the
 * query's languages), so an ordinary long word is never cut.
 */
function decompound(word: string, langs: string[]): QueryClause[] | undefined {
  if (word.length < 8 || han.test(word)) return undefined;
  for (let cut = word.length - 3; cut >= 4; cut--) {
    const right = glossaryAlternatives(word.slice(cut), langs);
    if (!right) continue;
    for (const link of linking) {
      const head = word.slice(0, cut);
      if (!head.endsWith(link) || head.length - link.length < 3) continue;
      const stemPart = head.slice(0, head.length - link.length);
      const left = glossaryAlternatives(stemPart, langs) ?? glossaryAlternatives(`${stemPart}e`, langs);
      if (left)
        return [
          { text: stemPart, alternatives: left },
          { text: word.slice(cut), alternatives: right },
        ];
    }
  }
  return undefined;
}

/**
 * Reads a query: quoted phrases (required), `-word` exclusions, `or` (the default anyway),
 * then glossary terms (longest first: "asylum seekers" before "asylum") and words, with the
 * stop words of the query's languages dropped.
 * @example parseQuery('how do cities house refugees -tents', 'en').clauses.map((c) => c.text) // ['cities', 'house', 'refugees']
 */
export function parseQuery(q: string, locale: string): ParsedQuery {
  const phrases: string[] = [];
  const excluded: string[] = [];
  let rest = q.replace(/"([^"]*)"?/g, (_, inner: string) => {
    const phrase = inner.trim();
    if (phrase) phrases.push(phrase);
    return ` ${inner} `;
  });
  rest = rest.replace(/(^|\s)-(\S+)/g, (_, space: string, word: string) => {
    excluded.push(...queryWords(word));
    return space;
  });
  const words = wordsOf(rest).filter((w) => w !== 'or');
  const langs = queryLanguages(words, locale);
  const stop = (w: string) => [...langs].some((l) => isStopWord(w, l));
  const clauses: QueryClause[] = [];
  const dropped: string[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let n = Math.min(longestTermWords, words.length - i); n >= 1 && !taken; n--) {
      const text = words.slice(i, i + n).join(' ');
      const alternatives = glossaryAlternatives(text, [...langs]);
      // A lone stop word stays a stop word even where the glossary lists it ("ما" is also "water" nowhere).
      if (alternatives && !(n === 1 && stop(text))) {
        clauses.push({ text, alternatives });
        // The term's own words count too, weakly and each with its own rarity: "детей мигрантов"
        // is a concept (children of migrants), and also children, and migrants.
        if (n > 1) {
          for (const w of words.slice(i, i + n)) {
            if (!stop(w)) clauses.push({ text: w, alternatives: glossaryAlternatives(w, [...langs]) ?? [], partOfTerm: true });
          }
        }
        taken = n;
      }
    }
    if (!taken) {
      if (stop(words[i])) dropped.push(words[i]);
      else clauses.push(...(decompound(words[i], [...langs]) ?? [{ text: words[i], alternatives: [] }]));
      taken = 1;
    }
    i += taken;
  }
  const seen = new Set<string>();
  return { clauses: clauses.filter((c) => !seen.has(c.text) && seen.add(c.text)), phrases, excluded, dropped, languages: [...langs] };
}
