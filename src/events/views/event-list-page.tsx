import type { FC } from 'hono/jsx';
import { FilterSelect } from '../../views/filter-select.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { CountryFilter, PageLinks, ThemeFilter } from '../../views/list-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { type EventQuery, filterParams } from '../event.query.ts';
import type { EventRow } from '../event.repo.ts';
import { eventDatetime, eventWhen } from '../event-dates.ts';
import { eventTypes } from '../event-types.ts';

/** Events shown on one page of the list. */
export const eventsPerPage = 20;

/** The query as a query string, with other values. */
function queryString(q: EventQuery, change: Partial<EventQuery> = {}): string {
  const merged = { ...q, ...change };
  const params = filterParams(merged);
  if (merged.when !== 'upcoming') params.set('when', merged.when);
  if (merged.page > 1) params.set('page', String(merged.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** One event in the list: title, kind, when (in the organiser's zone) and where. */
export const EventCard: FC<{ event: EventRow }> = ({ event: e }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const where = e.country ? placeLabel(i18n, e.city, e.country) : e.online_url ? t('event.online') : null;
  return (
    <li class="org-card">
      <h2 class="org-card__name">
        <a href={`/events/${e.id}`}>{e.title}</a>
        {e.example && <strong class="example-badge"> {t('event.example')}</strong>}
      </h2>
      <p class="meta">
        {t(`event.type.${e.type}`)} · <time datetime={eventDatetime(e)}>{eventWhen(i18n.locale, e)}</time>
        {where && ` · ${where}`}
      </p>
    </li>
  );
};

/**
 * GET /events: upcoming events (soonest first) or past ones (latest first), filtered by type,
 * theme and country, with the calendar to subscribe to.
 */
export const EventListPage: FC<{ items: EventRow[]; total: number; query: EventQuery; countries: string[]; canCreate?: boolean }> = ({
  items,
  total,
  query,
  countries,
  canCreate,
}) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const pages = Math.max(1, Math.ceil(total / eventsPerPage));
  const tab = (when: 'upcoming' | 'past') =>
    query.when === when ? (
      <strong aria-current="page">{t(`event.list.${when}`)}</strong>
    ) : (
      <a href={`/events${queryString(query, { when, page: 1 })}`}>{t(`event.list.${when}`)}</a>
    );
  const feed = filterParams(query).toString();
  const feedHref = `/events.ics${feed ? `?${feed}` : ''}`;
  return (
    <Layout
      title={t('event.list.title')}
      description={t('event.list.lead')}
      canonical={`/events${queryString(query)}`}
      feeds={[{ href: feedHref, title: t(feed ? 'event.calendar.these' : 'event.calendar.all'), type: 'text/calendar' }]}
    >
      <h1>{t('event.list.title')}</h1>
      <p class="lead">{t('event.list.lead')}</p>
      {canCreate && (
        <p>
          <a href="/events/new" class="button">
            {t('event.new.link')}
          </a>
        </p>
      )}
      <nav aria-label={t('event.list.which')}>
        <p>
          {tab('upcoming')} · {tab('past')}
        </p>
      </nav>
      <form method="get" action="/events" class="filter-form">
        {query.when === 'past' && <input type="hidden" name="when" value="past" />}
        {query.group && <input type="hidden" name="group" value={query.group} />}
        <div class="form-field">
          <label for="event-q">{t('event.filter.q')}</label>
          <input id="event-q" name="q" type="search" value={query.q ?? ''} maxlength={200} />
        </div>
        <FilterSelect
          name="type"
          label={t('event.filter.type')}
          value={query.type}
          all={t('event.filter.all_types')}
          choices={eventTypes.map((v) => ({ value: v, label: t(`event.type.${v}`) }))}
        />
        <ThemeFilter value={query.theme} themes={themes} />
        <CountryFilter value={query.country} countries={countries} />
        <button type="submit">{t('org.filter.apply')}</button>
      </form>
      <p>
        <a href={feedHref}>{t(feed ? 'event.calendar.these' : 'event.calendar.all')}</a>
      </p>
      <p>{t('event.list.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t(query.when === 'upcoming' ? 'event.list.none_upcoming' : 'event.list.none_past')}</p>
      ) : (
        <ul class="org-list">
          {items.map((e) => (
            <EventCard event={e} />
          ))}
        </ul>
      )}
      <PageLinks page={query.page} pages={pages} href={(page) => `/events${queryString(query, { page })}`} label={t('event.list.pages')} />
    </Layout>
  );
};
