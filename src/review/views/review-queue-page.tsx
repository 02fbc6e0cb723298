import type { FC } from 'hono/jsx';
import { AdminPager } from '../../admin/views/admin-pager.tsx';
import { languageOptions } from '../../practice-form/practice-form.languages.ts';
import { languageName } from '../../practices/views/practice-translation.ts';
import type { Submission } from '../../submissions/submission.repo.ts';
import { submissionPath } from '../../submissions/submission-mails.ts';
import { Layout } from '../../views/layout.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { type QueueQuery, queueAges, queueStateOptions } from '../review-queue.schema.ts';
import { daysBetween, kindKey, submissionLanguage, waitingSince } from './submission-labels.ts';

/** Props of /review: one page of the queue, its total and the filters applied. */
export interface ReviewQueuePageProps {
  items: Submission[];
  total: number;
  pageSize: number;
  filters: QueueQuery;
  /** The moment the page is drawn, for "waiting N days". */
  now: Date;
}

/** A labelled select of the filter form, with an "any" choice first when `anyLabel` is given. */
const FilterSelect: FC<{ name: string; label: string; value?: string | number; options: { value: string; label: string }[]; anyLabel?: string }> = ({
  name,
  label,
  value,
  options,
  anyLabel,
}) => (
  <div class="review-filters__field">
    <label for={`queue-${name}`}>{label}</label>
    <select id={`queue-${name}`} name={name}>
      {anyLabel && <option value="">{anyLabel}</option>}
      {options.map((o) => (
        <option value={o.value} selected={String(value ?? '') === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

/** The filters, as a GET form so every filtered view has its own address. */
const QueueFilters: FC<{ filters: QueueQuery }> = ({ filters }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const collator = new Intl.Collator(i18n.locale);
  const themeOptions = themes.map((th) => ({ value: th, label: t(`theme.${th}`) })).sort((a, b) => collator.compare(a.label, b.label));
  return (
    <form method="get" action="/review" class="review-filters" aria-label={t('review.queue.filters')}>
      <FilterSelect
        name="state"
        label={t('review.filter.state')}
        value={filters.state}
        options={queueStateOptions.map((s) => ({ value: s, label: t(`submissions.state.${s}`) }))}
      />
      <FilterSelect name="theme" label={t('review.filter.theme')} value={filters.theme} anyLabel={t('review.filter.any')} options={themeOptions} />
      <FilterSelect
        name="language"
        label={t('review.filter.language')}
        value={filters.language}
        anyLabel={t('review.filter.any')}
        options={languageOptions(i18n.locale, filters.language).map((l) => ({ value: l.code, label: l.name }))}
      />
      <FilterSelect
        name="age"
        label={t('review.filter.age')}
        value={filters.age}
        anyLabel={t('review.filter.age.any')}
        options={queueAges.map((a) => ({ value: String(a), label: t('review.filter.age.days', { count: a }) }))}
      />
      <FilterSelect
        name="assignee"
        label={t('review.filter.assignee')}
        value={filters.assignee}
        anyLabel={t('review.filter.assignee.any')}
        options={[
          { value: 'me', label: t('review.filter.assignee.me') },
          { value: 'none', label: t('review.filter.assignee.none') },
        ]}
      />
      <button type="submit">{t('review.filter.apply')}</button>
    </form>
  );
};

/** One submission of the queue as a table row. */
const QueueRow: FC<{ s: Submission; now: Date }> = ({ s, now }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const since = waitingSince(s);
  const lang = submissionLanguage(s);
  return (
    <tr>
      <th scope="row">
        <a href={submissionPath(s.id)} dir="auto">
          {s.title || t('submissions.untitled')}
        </a>
      </th>
      <td>{t(kindKey(s))}</td>
      <td>
        <bdi>{s.submitterName}</bdi>
      </td>
      <td>{lang ? languageName(lang, i18n.locale) : '—'}</td>
      <td>{s.themes.length ? s.themes.map((th) => t(`theme.${th}`)).join(listSeparator(i18n.locale)) : '—'}</td>
      <td>
        <time datetime={since.toISOString()}>{i18n.date(since, { dateStyle: 'medium' })}</time>
        <span class="review-queue__days">{t('review.waiting.days', { count: daysBetween(since, now) })}</span>
      </td>
      <td>{s.assigneeName ? <bdi>{s.assigneeName}</bdi> : t('review.nobody')}</td>
      <td>
        <span class={`review-state review-state--${s.state}`}>{t(`submissions.state.${s.state}`)}</span>
      </td>
    </tr>
  );
};

/** /review: the editors' queue, oldest first, with filters in the address and paging. */
export const ReviewQueuePage: FC<ReviewQueuePageProps> = ({ items, total, pageSize, filters, now }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('review.queue.title')} noindex>
      <div class="review-page">
        <h1>{t('review.queue.title')}</h1>
        <p>{t('review.queue.intro')}</p>
        <QueueFilters filters={filters} />
        <p role="status">{t('review.queue.count', { count: total })}</p>
        {items.length === 0 ? (
          <p class="review-empty">{t('review.queue.empty')}</p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby="queue-caption" tabindex={0}>
            <table class="data-table review-queue">
              <caption id="queue-caption">{t('review.queue.caption', { state: t(`submissions.state.${filters.state}`) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.col.title')}</th>
                  <th scope="col">{t('review.col.kind')}</th>
                  <th scope="col">{t('review.col.submitter')}</th>
                  <th scope="col">{t('review.col.language')}</th>
                  <th scope="col">{t('review.col.themes')}</th>
                  <th scope="col">{t('review.col.waiting')}</th>
                  <th scope="col">{t('review.col.assignee')}</th>
                  <th scope="col">{t('review.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <QueueRow s={s} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <AdminPager
          path="/review"
          query={{
            state: filters.state,
            theme: filters.theme,
            language: filters.language,
            age: filters.age ? String(filters.age) : undefined,
            assignee: filters.assignee,
          }}
          page={filters.page}
          more={filters.page * pageSize < total}
        />
      </div>
    </Layout>
  );
};
