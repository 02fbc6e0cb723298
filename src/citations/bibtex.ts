import { type CslItem, isoDate } from './csl-item.ts';

/** LaTeX's special characters and what stands for each in a BibTeX value. */
const latexSpecials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Text made safe inside a braced BibTeX value: LaTeX specials escaped, whitespace runs (line
 * breaks included) made one space. Other characters, Arabic or Chinese ones too, stay as UTF-8
 * (biber and BibTeX 0.99d+ read UTF-8).
 * @example latexEscape('50% & more_') // '50\\% \\& more\\_'
 */
export function latexEscape(text: string): string {
  return text
    .replace(/[\\{}&%$#_~^]/g, (c) => latexSpecials[c])
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL in a BibTeX value: verbatim, but never with a brace that would end the value early. */
const bibUrl = (url: string) => url.replace(/[{}\s]/g, encodeURIComponent);

/**
 * The item as one BibTeX `@misc` entry (fields of BibTeX and biblatex both, so either reads it):
 * names as literals in braces, so "City of Lyon" is not read as first and last names.
 * @example toBibtex(item) // '@misc{lyon-welcome,\n  author = {{City of Lyon}},\n…'
 */
export function toBibtex(item: CslItem): string {
  const fields: [string, string][] = [];
  if (item.author.length) fields.push(['author', item.author.map((a) => `{${latexEscape(a.literal)}}`).join(' and ')]);
  // Double braces keep the title's capitals as written.
  fields.push(['title', `{${latexEscape(item.title)}}`]);
  fields.push(['year', String(item.issued['date-parts'][0][0])]);
  fields.push(['date', isoDate(item.issued)]);
  fields.push(['publisher', latexEscape(item.publisher)]);
  fields.push(['howpublished', `\\url{${bibUrl(item.URL)}}`]);
  fields.push(['url', bibUrl(item.URL)]);
  fields.push(['urldate', isoDate(item.accessed)]);
  fields.push(['note', `Accessed ${isoDate(item.accessed)}`]);
  fields.push(['language', latexEscape(item.language)]);
  if (item.keyword) fields.push(['keywords', latexEscape(item.keyword)]);
  const key = item.id.replace(/[^A-Za-z0-9:_-]/g, '-');
  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}
