import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { PageLinks, ThemeFilter } from '../../views/list-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import type { ListedGroup } from '../group.repo.ts';
import { type GroupListQuery, groupsPerPage } from '../group.schema.ts';
import { groupDescription, groupName, isOwnName, themesLine } from './group-parts.tsx';

/** The list's filter as a query string, with another page. */
function queryString(q: GroupListQuery, page?: number): string {
  const params = new URLSearchParams();
  if (q.theme) params.set('theme', q.theme);
  if (q.q) params.set('q', q.q);
  if (page && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** What the list of groups shows; `canCreate` for editors (a link to the form). */
export interface GroupListProps {
  items: ListedGroup[];
  total: number;
  query: GroupListQuery;
  canCreate: boolean;
}

/**
 * GET /groups: the thematic groups of the network, by name, each with its themes, whether anyone
 * joins or a moderator approves, and how many members and discussions it has; filtered by theme.
 */
export const GroupListPage: FC<GroupListProps> = ({ items, total, query, canCreate }) => {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const pages = Math.max(1, Math.ceil(total / groupsPerPage));
  return (
    <Layout title={t('groups.list.title')} description={t('groups.list.description')} canonical={`/groups${queryString(query, query.page)}`}>
      <h1>{t('groups.list.title')}</h1>
      <p class="lead">{t('groups.list.lead')}</p>
      {canCreate && (
        <p>
          <a href="/groups/new" class="button button--secondary">
            {t('groups.new.link')}
          </a>
        </p>
      )}
      <form method="get" action="/groups" class="filter-form" role="search">
        <div class="form-field">
          <label for="f-q">{t('groups.filter.q')}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} maxlength={200} />
        </div>
        <ThemeFilter value={query.theme} themes={themes} />
        <button type="submit">{t('org.filter.apply')}</button>
      </form>
      <p aria-live="polite">{t('groups.list.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('groups.list.none')}</p>
      ) : (
        <ul class="group-list">
          {items.map((g) => (
            <li class="group-card">
              <h2 class="group-card__name">
                <a href={`/groups/${encodeURIComponent(g.slug)}`} dir={isOwnName(g, locale) ? 'auto' : undefined}>
                  {groupName(g, locale)}
                </a>
              </h2>
              {groupDescription(g, locale) && (
                <p class="group-card__description" dir={isOwnName(g, locale) ? 'auto' : undefined}>
                  {groupDescription(g, locale)}
                </p>
              )}
              <p class="meta">
                {[
                  g.themes.length ? themesLine(g.themes, t, locale) : null,
                  t(`groups.membership.${g.membership}`),
                  t('groups.members_count', { count: g.members }),
                  t('groups.threads_count', { count: g.threads }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <PageLinks page={query.page} pages={pages} href={(page) => `/groups${queryString(query, page)}`} label={t('groups.list.pages')} />
    </Layout>
  );
};
