import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { isLanguageCode } from '../http/openapi.ts';
import { type ParseNotes, parseSearchParams, type SearchParams } from '../search/search.params.ts';

/** A search read from an open-data URL, with the language its query is written in. */
export interface OpenDataQuery {
  params: SearchParams;
  notes: ParseNotes;
  lang: string;
  /** Whether `lang` was given (and valid): links to further pages then repeat it. */
  langGiven: boolean;
}

/**
 * Reads the search parameters of an API call or download, plus `lang` (the language of `q`,
 * by default the page language). With `strict` (the JSON API) malformed values are a 400
 * problem listing every bad parameter; downloads, linked from pages, drop them like pages do.
 * @example const { params, lang } = readOpenDataQuery(c, { strict: true });
 */
export function readOpenDataQuery(c: Context<AppEnv>, options: { strict: boolean }): OpenDataQuery {
  const query = new URL(c.req.url).searchParams;
  const problems: { path: string; message: string }[] = [];
  const rawLang = query.get('lang')?.trim().toLowerCase();
  const langGiven = rawLang !== undefined && isLanguageCode(rawLang);
  const lang = langGiven ? (rawLang as string) : c.get('i18n').locale;
  if (rawLang && !langGiven && options.strict) problems.push({ path: 'lang', message: 'must be an ISO 639-1 code such as "en"' });

  let parsed: ReturnType<typeof parseSearchParams> | undefined;
  try {
    parsed = parseSearchParams(query, { strict: options.strict });
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields) throw e;
    problems.unshift(...e.fields);
  }
  if (problems.length > 0 || !parsed) throw badRequest(problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  return { ...parsed, lang, langGiven };
}
