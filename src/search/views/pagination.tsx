import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { type SearchParams, searchQueryString } from '../search.params.ts';

/** Page numbers around the current page, with gaps: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current: number, count: number): (number | 'gap')[] {
  const pages = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

/** Previous / numbered / next links that keep the whole search in the URL. */
export const Pagination: FC<{ params: SearchParams; page: number; pageCount: number }> = ({ params, page, pageCount }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  if (pageCount <= 1) return null;
  const href = (p: number) => `/practices?${searchQueryString(params, { page: p })}`;
  return (
    <nav aria-label={t('search.pagination')}>
      <ul class="pagination">
        {page > 1 && page <= pageCount && (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('search.pagination.previous')}
            </a>
          </li>
        )}
        {pageWindow(Math.min(page, pageCount), pageCount).map((p) =>
          p === 'gap' ? (
            <li>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li>
              {p === page ? (
                <span aria-current="page">{i18n.number(p)}</span>
              ) : (
                <a href={href(p)} aria-label={t('search.pagination.page', { page: p })}>
                  {i18n.number(p)}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('search.pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
};
