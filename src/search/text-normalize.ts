const han = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * Splits runs of Chinese (and Japanese) characters into overlapping two-character words:
 * PostgreSQL's parser sees "为难民提供住房" as one word, so "住房" (housing) could never match
 * inside it. Bigrams match any two-character word, the commonest length of Chinese words.
 * @example cjkBigrams('难民住房') // '难民 民住 住房'
 */
export function cjkBigrams(text: string): string {
  return text.replace(han, (run) => {
    const chars = [...run];
    if (chars.length < 3) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i] + chars[i + 1]);
    return ` ${grams.join(' ')} `;
  });
}

/**
 * Folds the usual Arabic spelling variants so that they match: diacritics (harakat), tatweel
 * and dagger alef removed; hamza forms of alef (أ إ آ ٱ) to bare alef; taa marbuta (ة) to haa;
 * alef maqsura (ى) to yaa; hamza on waw/yaa to the bare letter.
 * @example foldArabic('مَدْرَسَة') // 'مدرسه'
 */
export function foldArabic(text: string): string {
  if (!/[\u0600-\u06FF]/.test(text)) return text;
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A');
}

/** What every text goes through before it is indexed or searched for: the same on both sides. */
export function normalizeForSearch(text: string): string {
  return cjkBigrams(foldArabic(text));
}
