import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
import { MapSvg } from '../../geo/map-svg.tsx';
import { cityFrame } from '../../geo/world-map.ts';
import { languageDisplayName } from '../../i18n/display-names.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { Notice } from '../../views/form-parts.tsx';
import { cityLabel, isolated, placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { FactList } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { EventRow } from '../event.repo.ts';
import { eventDatetime, eventWhen } from '../event-dates.ts';
import { RegistrationBox, type RegistrationView } from './event-registration.tsx';

/** What the event page shows besides the event. */
export interface EventPageProps {
  event: EventRow;
  /** Organisers the directory knows: folded name → slug. */
  organisers: Map<string, string>;
  now: Date;
  /** The city's page ('de/berlin') when the site has one. */
  cityPath?: string;
  /** Where the event's city lies, for a small map (a city the site knows with coordinates). */
  cityAt?: { lat: number; lon: number };
  /** Registration on the site, when the event has places. */
  registration?: RegistrationView;
  /** Whether the viewer may edit it (editors and admins). */
  editable?: boolean;
  /** A message key to confirm what the viewer just did. */
  notice?: string;
}

/**
 * When, with the organiser's zone named (so a visitor elsewhere can work out their own time
 * without JavaScript) and, for a timed event, a line the page's small script fills with the
 * visitor's own time (src/assets/local-time.js).
 */
const EventWhen: FC<{ e: EventRow }> = ({ e }) => {
  const { i18n } = usePage();
  return (
    <>
      <time datetime={eventDatetime(e)}>{eventWhen(i18n.locale, e)}</time>{' '}
      <span class="meta" dir="ltr">
        ({e.time_zone.replace(/_/g, ' ')})
      </span>
      {!e.all_day && (
        <span
          class="local-time"
          hidden
          data-local-time=""
          data-start={e.starts_at.toISOString()}
          data-end={e.ends_at.toISOString()}
          data-zone={e.time_zone}
          data-label={i18n.t('event.local_time', { time: '{time}' })}
        />
      )}
    </>
  );
};

/** The event's facts: kind, when, where, online, languages, organisers, themes, group, registration link. */
function eventFacts(e: EventRow, organisers: Map<string, string>, past: boolean, cityPath: string | undefined, i18n: ReturnType<typeof usePage>['i18n']) {
  const { t } = i18n;
  const sep = listSeparator(i18n.locale);
  const facts: [string, Child][] = [[t('event.fact.type'), t(`event.type.${e.type}`)]];
  facts.push([t('event.fact.when'), <EventWhen e={e} />]);
  if (e.country) {
    const place = placeLabel(i18n, e.city, e.country);
    facts.push([
      t('event.fact.where'),
      <>
        {e.venue && <span dir="auto">{`${e.venue}${sep}`}</span>}
        {cityPath ? <a href={`/cities/${cityPath}`}>{place}</a> : place}
      </>,
    ]);
  }
  if (e.online_url) facts.push([t('event.fact.online'), <a href={e.online_url}>{e.online_url.replace(/^https?:\/\//, '')}</a>]);
  if (e.languages.length) facts.push([t('event.fact.languages'), e.languages.map((l) => languageDisplayName(l, i18n.locale)).join(sep)]);
  if (e.organisers.length)
    facts.push([
      t('event.fact.organisers'),
      <ul class="fact-list">
        {e.organisers.map((name) => {
          const slug = organisers.get(name.toLowerCase());
          return <li>{slug ? <a href={`/organizations/${encodeURIComponent(slug)}`}>{name}</a> : <bdi>{name}</bdi>}</li>;
        })}
      </ul>,
    ]);
  if (e.themes.length) facts.push([t('event.fact.themes'), e.themes.map((th) => t(`theme.${th}`)).join(sep)]);
  if (e.group_slug) facts.push([t('event.fact.group'), <a href={`/groups/${e.group_slug}`}>{e.group_slug}</a>]);
  if (e.registration_url && !past) facts.push([t('event.fact.registration'), <a href={e.registration_url}>{t('event.register')}</a>]);
  return facts;
}

/**
 * GET /events/{id}: an event — its kind and dates in the organiser's time zone (and the visitor's
 * own, where the browser runs the page's script), place (the city's page when the site has one)
 * or online link, languages, organisers (linked to the directory where it knows them), themes,
 * registration (a link, or places on the site with a waiting list), description and, once past,
 * its outcomes and materials; and the event as a calendar file.
 */
/** Where the event takes place: its city on a small map, the marker linking to the city's page. */
const EventMap: FC<{ city: string; country: string; path: string; at: { lat: number; lon: number } }> = ({ city, country, path, at }) => {
  const { i18n } = usePage();
  const name = cityLabel(i18n, country, city);
  const label = markerLabel(i18n, name, country);
  return (
    <figure class="place-map event-map">
      <MapSvg
        frame={cityFrame(at.lon, at.lat, country)}
        markers={[{ lon: at.lon, lat: at.lat, count: 1, href: `/cities/${path}`, label, name }]}
        id="event-map"
        title={i18n.t('event.map.title', { city: isolated(name, i18n.dir) })}
      />
      <figcaption>{i18n.t('place.map.caption')}</figcaption>
    </figure>
  );
};

/** The marker's accessible name: the city and its country. */
function markerLabel(i18n: ReturnType<typeof usePage>['i18n'], name: string, country: string): string {
  return i18n.t('event.map.marker', { city: isolated(name, i18n.dir), country: countryName(country, i18n.locale) });
}

export const EventPage: FC<EventPageProps> = ({ event: e, organisers, now, cityPath, cityAt, registration, editable, notice }) => {
  const { i18n, assets } = usePage();
  const { t } = i18n;
  const past = e.ends_at < now;
  const script = assets.scripts?.['local-time.js'];
  return (
    <Layout title={e.title} description={e.description ?? e.title} canonical={`/events/${e.id}`}>
      <p>
        <a href={past ? '/events?when=past' : '/events'}>{t(past ? 'event.back_past' : 'event.back')}</a>
      </p>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <h1 dir="auto">{e.title}</h1>
      {e.example && (
        <p class="notice" role="note">
          <strong>{t('event.example_note')}</strong>
        </p>
      )}
      {past && <p class="meta">{t('event.past')}</p>}
      <FactList facts={eventFacts(e, organisers, past, cityPath, i18n)} />
      {cityPath && cityAt && e.city && e.country && <EventMap city={e.city} country={e.country} path={cityPath} at={cityAt} />}
      {registration && <RegistrationBox r={registration} />}
      {e.description && (
        <div class="prose" dir="auto">
          {raw(renderMarkdown(e.description, { topHeading: 2 }))}
        </div>
      )}
      {past && e.outcomes && (
        <section aria-labelledby="outcomes">
          <h2 id="outcomes">{t('event.outcomes')}</h2>
          <div class="prose" dir="auto">
            {raw(renderMarkdown(e.outcomes, { topHeading: 3 }))}
          </div>
        </section>
      )}
      {past && e.materials.length > 0 && (
        <section aria-labelledby="materials">
          <h2 id="materials">{t('event.materials')}</h2>
          <ul>
            {e.materials.map((m) => (
              <li>
                <a href={m.url} rel="nofollow ugc noopener" dir="auto">
                  {m.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href={`/events/${e.id}/event.ics`} download={`${e.id}.ics`}>
          {t('event.calendar.one')}
        </a>
        {editable && (
          <>
            {' · '}
            <a href={`/events/${e.id}/edit`}>{t('event.edit.link')}</a>
          </>
        )}
      </p>
      {script && !e.all_day && <script src={script} defer />}
    </Layout>
  );
};
