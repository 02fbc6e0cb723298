import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { maxQueryLength, type ParseNotes } from '../search.params.ts';
import type { SearchResult } from '../search.types.ts';

/** What we changed or could not use in the request, and how the words of the query were read. */
export const SearchNotices: FC<{ notes: ParseNotes; result: SearchResult }> = ({ notes, result }) => {
  const { t } = usePage().i18n;
  const explanation = result.explanation;
  return (
    <>
      {notes.truncatedQuery && (
        <p class="notice" role="status">
          {t('search.notice.truncated', { max: maxQueryLength })}
        </p>
      )}
      {notes.ignored.length > 0 && (
        <p class="notice" role="status">
          {t('search.notice.ignored', {
            count: notes.ignored.length,
            values: notes.ignored.map((i) => `${i.param}=${i.value.slice(0, 60)}`).join(', '),
          })}
        </p>
      )}
      {explanation?.corrected.map((c) => (
        <p class="notice notice--quiet" role="status">
          {t('search.explain.corrected', { word: c.word, corrected: c.correctedTo })}
        </p>
      ))}
      {explanation && explanation.unmatched.length > 0 && (
        <p class="notice notice--quiet" role="status" data-testid="unmatched">
          {t('search.explain.unmatched', { words: explanation.unmatched.join(', ') })}
        </p>
      )}
    </>
  );
};
