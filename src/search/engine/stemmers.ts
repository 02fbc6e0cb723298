import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';

/**
 * Snowball stemmers per ISO 639-1 code (the same algorithms as PostgreSQL's configurations,
 * from @orama/stemmers). A language without one is indexed word for word.
 */
const stemmers: Record<string, (word: string) => string> = {
  ar: arabic,
  da: danish,
  nl: dutch,
  en: english,
  fi: finnish,
  fr: french,
  de: german,
  el: greek,
  hu: hungarian,
  id: indonesian,
  it: italian,
  no: norwegian,
  nb: norwegian,
  pt: portuguese,
  ro: romanian,
  ru: russian,
  es: spanish,
  sv: swedish,
  tr: turkish,
  uk: ukrainian,
};

const cache = new Map<string, string>();
const cacheLimit = 200_000;

/**
 * The stem of a lower-case word in a language (the word itself where no stemmer exists),
 * memoised: a collection repeats the same few hundred thousand words.
 * @example stem('housing', 'en') // 'hous'
 */
export function stem(word: string, language: string): string {
  const fn = stemmers[language];
  if (!fn) return word;
  const key = `${language}\u0000${word}`;
  let out = cache.get(key);
  if (out === undefined) {
    out = fn(word) || word;
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(key, out);
  }
  return out;
}
