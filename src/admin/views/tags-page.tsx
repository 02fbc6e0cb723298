import type { FC } from 'hono/jsx';
import type { TargetGroupCount } from '../../practices/target-groups.repo.ts';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Field, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { AdminNav } from './admin-nav.tsx';

/** Props of /admin/tags: the tags shown (after the filter), the ticked ones, and the tag to keep. */
export interface TagsPageProps {
  tags: TargetGroupCount[];
  /** Tags in all, before the filter. */
  total: number;
  q?: string;
  selected: TargetGroupCount[];
  keep: string;
  csrf: string;
  /** Practices updated by the merge just done. */
  done?: number;
  errors?: FieldErrors;
}

/** The second step: the ticked tags, the tag to keep (prefilled with the most used) and the button that merges. */
const MergeForm: FC<{ selected: TargetGroupCount[]; keep: string; csrf: string; q?: string; errors?: FieldErrors }> = ({ selected, keep, csrf, q, errors }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section class="aside-box tag-merge" aria-labelledby="merge-heading">
      <h2 id="merge-heading">{t('admin.tags.merge.heading', { count: selected.length })}</h2>
      <form method="post" action="/admin/tags/merge" class="account-form">
        <CsrfInput token={csrf} />
        <ul class="tag-merge__list">
          {selected.map((s) => (
            <li>
              <input type="hidden" name="tag" value={s.tag} />
              <bdi>{s.tag}</bdi> ({t('admin.tags.practice_count', { count: s.count })})
            </li>
          ))}
        </ul>
        <Field name="keep" label={t('admin.tags.merge.keep')} hint={t('admin.tags.merge.keep.hint')} value={keep} errors={errors} required maxlength={120} />
        <p class="form-actions">
          <button type="submit">{t('admin.tags.merge.submit')}</button>{' '}
          <a href={q ? `/admin/tags?${new URLSearchParams({ q })}` : '/admin/tags'}>{t('admin.tags.merge.cancel')}</a>
        </p>
      </form>
    </section>
  );
};

/** /admin/tags: every target-group tag with its count, a filter, and merging the ticked ones. */
export const TagsPage: FC<TagsPageProps> = ({ tags, total, q, selected, keep, csrf, done, errors }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const ticked = new Set(selected.map((s) => s.tag));
  return (
    <Layout title={t('admin.tags.title')} noindex>
      <h1>{t('admin.tags.title')}</h1>
      <AdminNav current="/admin/tags" />
      {done !== undefined && <Notice kind="success">{t('admin.tags.done', { count: done })}</Notice>}
      <p class="admin-intro">{t('admin.tags.intro')}</p>
      <ErrorSummary errors={errors} />
      {selected.length > 0 && <MergeForm selected={selected} keep={keep} csrf={csrf} q={q} errors={errors} />}
      <form method="get" action="/admin/tags" class="admin-filters" role="search">
        <label for="tags-q">{t('admin.tags.filter')}</label>
        <input id="tags-q" name="q" type="search" value={q ?? ''} maxlength={120} />
        <button type="submit">{t('admin.tags.filter.submit')}</button>
      </form>
      <p>{q ? t('admin.tags.count_filtered', { count: tags.length, total }) : t('admin.tags.count', { count: total })}</p>
      {tags.length === 0 ? (
        <p>{t(q ? 'admin.tags.empty_filtered' : 'admin.tags.empty')}</p>
      ) : (
        <form method="get" action="/admin/tags" id="f-tag">
          {q && <input type="hidden" name="q" value={q} />}
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">{t('admin.tags.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.tags.tag')}</th>
                  <th scope="col" class="num">
                    {t('admin.tags.practices')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tags.map((tag, i) => (
                  <tr>
                    <td>
                      <span class="form-check">
                        <input type="checkbox" id={`tag-${i}`} name="tag" value={tag.tag} checked={ticked.has(tag.tag)} />
                        <label for={`tag-${i}`}>
                          <bdi>{tag.tag}</bdi>
                        </label>
                      </span>
                    </td>
                    <td class="num">{i18n.number(tag.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit">{t('admin.tags.choose')}</button>
        </form>
      )}
    </Layout>
  );
};
