import type { FC } from 'hono/jsx';
import { messageParts } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import { maxQueryLength, type ParseNotes, type SearchParams, searchQueryString } from '../search.params.ts';
import type { SearchResult } from '../search.types.ts';

/** What we changed or could not use in the request, and spelling help. */
export const SearchNotices: FC<{ notes: ParseNotes; result: SearchResult }> = ({ notes, result }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const didYouMean = messageParts(i18n, 'search.did_you_mean', 'suggestion');
  const suggestionHref = (q: string) => `/practices?${searchQueryString({ ...result.params, q, page: 1 } as SearchParams)}`;
  return (
    <>
      {notes.truncatedQuery && <p class="notice" role="status">{t('search.notice.truncated', { max: maxQueryLength })}</p>}
      {notes.ignored.length > 0 && (
        <p class="notice" role="status">
          {t('search.notice.ignored', {
            count: notes.ignored.length,
            values: notes.ignored.map((i) => `${i.param}=${i.value.slice(0, 60)}`).join(', '),
          })}
        </p>
      )}
      {result.correctedFrom && (
        <p class="notice" role="status">
          {t('search.corrected', { original: result.correctedFrom, corrected: result.params.q })}
        </p>
      )}
      {result.suggestion && (
        <p class="notice">
          {didYouMean[0]}<a href={suggestionHref(result.suggestion)}>{result.suggestion}</a>{didYouMean[1]}
        </p>
      )}
    </>
  );
};
