import type { FC } from 'hono/jsx';
import { Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { ColumnHeads } from '../../views/table-parts.tsx';
import type { RevisionSummary } from '../revision.repo.ts';
import { RevisionCredit, RevisionTime } from './revision-parts.tsx';

/** What the history page lists: one page of revisions, newest first. */
export interface HistoryPageProps {
  id: string;
  title: string;
  rows: RevisionSummary[];
  page: number;
  more: boolean;
  notice?: string;
}

/** Older / newer pages of a long history. */
const Pager: FC<{ id: string; page: number; more: boolean }> = ({ id, page, more }) => {
  const { t } = usePage().i18n;
  if (page <= 1 && !more) return null;
  return (
    <nav aria-label={t('history.pager.label')}>
      <ul class="pagination">
        {page > 1 && (
          <li>
            <a href={`/practices/${id}/history?page=${page - 1}`} rel="prev">
              {t('history.pager.newer')}
            </a>
          </li>
        )}
        {more && (
          <li>
            <a href={`/practices/${id}/history?page=${page + 1}`} rel="next">
              {t('history.pager.older')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
};

/** The cell choosing a revision as one end of the comparison. */
const CompareRadio: FC<{ end: 'from' | 'to'; id: number; checked: boolean; label: string }> = ({ end, id, checked, label }) => (
  <td>
    <input type="radio" name={end} value={String(id)} checked={checked} aria-label={label} />
  </td>
);

/**
 * /practices/{id}/history: who changed what and when, newest first, with a GET form choosing
 * two revisions to compare (by default the latest against the one before it).
 */
export const HistoryPage: FC<HistoryPageProps> = ({ id, title, rows, page, more, notice }) => {
  const { t } = usePage().i18n;
  const comparable = rows.length > 1 || page > 1;
  return (
    <Layout title={t('history.title', { title })} noindex>
      <div class="history-page">
        <p>
          <a href={`/practices/${id}`}>{t('history.back')}</a>
        </p>
        <h1>{t('history.title', { title })}</h1>
        {notice && <Notice kind="success">{t(notice)}</Notice>}
        <p>{t('history.intro')}</p>
        <form method="get" action={`/practices/${id}/history/compare`}>
          {/* A named, focusable region: on a phone the table scrolls sideways, and keyboard users must be able to scroll it. */}
          <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex={0}>
            <table class="history-table">
              <caption id="history-caption" class="visually-hidden">
                {t('history.table.caption')}
              </caption>
              <ColumnHeads
                keys={[
                  ...(comparable ? ['history.table.from', 'history.table.to'] : []),
                  'history.table.revision',
                  'history.table.when',
                  'history.table.who',
                  'history.table.kind',
                  'history.table.message',
                ]}
              />
              <tbody>
                {rows.map((r, i) => (
                  <tr>
                    {comparable && <CompareRadio end="from" id={r.id} checked={page === 1 && i === 1} label={t('history.table.from_label', { n: r.number })} />}
                    {comparable && <CompareRadio end="to" id={r.id} checked={page === 1 && i === 0} label={t('history.table.to_label', { n: r.number })} />}
                    <th scope="row">{t('history.revision', { n: r.number })}</th>
                    <td>
                      <RevisionTime at={r.created_at} />
                    </td>
                    <td>
                      <bdi>{r.author}</bdi>
                      <RevisionCredit revision={r} />
                    </td>
                    <td>{t(`history.kind.${r.kind}`)}</td>
                    <td dir="auto">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {comparable ? <button type="submit">{t('history.compare.submit')}</button> : <p>{t('history.only_one')}</p>}
        </form>
        <Pager id={id} page={page} more={more} />
      </div>
    </Layout>
  );
};
