import type { Child, FC } from 'hono/jsx';
import { languageDisplayName } from '../../i18n/display-names.ts';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { FactList } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { EventRow } from '../event.repo.ts';
import { eventDatetime, eventWhen } from '../event-dates.ts';

/**
 * GET /events/{id}: an event — its kind and dates in the organiser's time zone (named, so a
 * visitor elsewhere can work out their own time), place or online link, languages, organisers
 * (linked to the directory where it knows them), themes, registration, description and, once
 * past, its outcomes; and the event as a calendar file.
 */
export const EventPage: FC<{ event: EventRow; organisers: Map<string, string>; now: Date }> = ({ event: e, organisers, now }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const past = e.ends_at < now;
  const facts: [string, Child][] = [[t('event.fact.type'), t(`event.type.${e.type}`)]];
  facts.push([
    t('event.fact.when'),
    <>
      <time datetime={eventDatetime(e)}>{eventWhen(i18n.locale, e)}</time> <span class="meta">({e.time_zone.replace(/_/g, ' ')})</span>
    </>,
  ]);
  if (e.country) facts.push([t('event.fact.where'), [e.venue, placeLabel(i18n, e.city, e.country)].filter(Boolean).join(listSeparator(i18n.locale))]);
  if (e.online_url) facts.push([t('event.fact.online'), <a href={e.online_url}>{e.online_url.replace(/^https?:\/\//, '')}</a>]);
  if (e.languages.length) facts.push([t('event.fact.languages'), e.languages.map((l) => languageDisplayName(l, i18n.locale)).join(listSeparator(i18n.locale))]);
  if (e.organisers.length)
    facts.push([
      t('event.fact.organisers'),
      <ul class="fact-list">
        {e.organisers.map((name) => {
          const slug = organisers.get(name.toLowerCase());
          return <li>{slug ? <a href={`/organizations/${encodeURIComponent(slug)}`}>{name}</a> : name}</li>;
        })}
      </ul>,
    ]);
  if (e.themes.length) facts.push([t('event.fact.themes'), e.themes.map((th) => t(`theme.${th}`)).join(listSeparator(i18n.locale))]);
  if (e.registration_url && !past) facts.push([t('event.fact.registration'), <a href={e.registration_url}>{t('event.register')}</a>]);
  return (
    <Layout title={e.title} description={e.description ?? e.title} canonical={`/events/${e.id}`}>
      <p>
        <a href={past ? '/events?when=past' : '/events'}>{t(past ? 'event.back_past' : 'event.back')}</a>
      </p>
      <h1 dir="auto">{e.title}</h1>
      {e.example && (
        <p class="notice" role="note">
          <strong>{t('event.example_note')}</strong>
        </p>
      )}
      {past && <p class="meta">{t('event.past')}</p>}
      <FactList facts={facts} />
      {e.description && (
        <p class="lead" dir="auto">
          {e.description}
        </p>
      )}
      {past && e.outcomes && (
        <section aria-labelledby="outcomes">
          <h2 id="outcomes">{t('event.outcomes')}</h2>
          <p dir="auto">{e.outcomes}</p>
        </section>
      )}
      <p>
        <a href={`/events/${e.id}/event.ics`} download={`${e.id}.ics`}>
          {t('event.calendar.one')}
        </a>
      </p>
    </Layout>
  );
};
