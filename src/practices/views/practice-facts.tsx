import type { Child, FC } from 'hono/jsx';
import type { Translator } from '../../i18n/i18n.ts';
import { regionLabel } from '../../views/labels.ts';
import { listSeparator, messageWith } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import { PlaceName } from '../../views/place-name.tsx';
import type { PracticeWithLineage } from '../practice.repo.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { cityHref, countryHref, searchHref } from './practice-links.ts';
import { languageName } from './practice-translation.ts';

/** One term and its description; a fragment so the grid of `.facts` sees dt and dd directly. */
const Fact: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <>
    <dt>{label}</dt>
    <dd>{children}</dd>
  </>
);

/** Items separated as the reader's language separates list items, without a trailing separator. */
function commaList(items: Child[], locale: string): Child[] {
  const sep = listSeparator(locale);
  return items.flatMap((item, i) => (i === 0 ? [item] : [sep, item]));
}

/** "1996–2001", "Since 2015" or "Until 2010"; years are passed as text so they get no digit grouping. */
export function periodLabel(t: Translator['t'], started?: number, ended?: number): string | undefined {
  if (started !== undefined && ended !== undefined) return t('practice.period.range', { from: String(started), to: String(ended) });
  if (started !== undefined) return t('practice.period.since', { from: String(started) });
  if (ended !== undefined) return t('practice.period.until', { to: String(ended) });
  return undefined;
}

/** The city and country of a practice, each linked to its page. */
export const PlaceLinks: FC<{ record: PracticeRecord; citySlug: string | null }> = ({ record, citySlug }) => (
  <PlaceName
    city={record.city}
    country={record.country}
    cityHref={record.city && citySlug ? cityHref(record.country, citySlug) : undefined}
    countryHref={countryHref(record.country)}
  />
);

/** An organisation's name, isolated (often in another script than the page), linked to its page in the directory when it is there. */
const OrganizationName: FC<{ name: string; organizations?: Map<string, string> }> = ({ name, organizations }) => {
  const slug = organizations?.get(name.trim().toLowerCase());
  return slug ? (
    <a href={`/organizations/${encodeURIComponent(slug)}`}>
      <bdi>{name}</bdi>
    </a>
  ) : (
    <bdi>{name}</bdi>
  );
};

/** A partner and the kind of support it gave. */
const Partner: FC<{ partner: NonNullable<PracticeRecord['partners']>[number]; organizations?: Map<string, string> }> = ({ partner, organizations }) => {
  const { i18n } = usePage();
  const name = <OrganizationName name={partner.name} organizations={organizations} />;
  if (!partner.support) return <li>{name}</li>;
  return <li>{messageWith<Child>(i18n, 'practice.partner.with_support', { name, support: i18n.t(`support.${partner.support}`) })}</li>;
};

/** The record's short fields as a definition list: place, period, who did it, for whom, evidence. */
export const PracticeFacts: FC<{ practice: PracticeWithLineage; organizations?: Map<string, string> }> = ({ practice, organizations }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const r = practice.record;
  const regionCode = practice.subregion ?? practice.region;
  const period = periodLabel(t, r.started, r.ended);
  const updated = r.updated ?? practice.updated_at;
  return (
    <dl class="facts">
      <Fact label={t('practice.place')}>
        <PlaceLinks record={r} citySlug={practice.city_slug} />
      </Fact>
      {regionCode && (
        <Fact label={t('practice.region')}>
          <a href={searchHref('region', regionCode)}>{regionLabel(i18n, regionCode)}</a>
        </Fact>
      )}
      {r.level && <Fact label={t('practice.level')}>{t(`level.${r.level}`)}</Fact>}
      {period && <Fact label={t('practice.period')}>{period}</Fact>}
      {r.status && (
        <Fact label={t('practice.status')}>
          <span class={`status status--${r.status}`}>{t(`status.${r.status}`)}</span>
        </Fact>
      )}
      {r.actor_types?.length ? (
        <Fact label={t('practice.actor_types')}>
          {commaList(
            r.actor_types.map((a) => <a href={searchHref('actor', a)}>{t(`actor.${a}`)}</a>),
            i18n.locale,
          )}
        </Fact>
      ) : null}
      {r.lead_organization && (
        <Fact label={t('practice.lead_organization')}>
          <OrganizationName name={r.lead_organization} organizations={organizations} />
        </Fact>
      )}
      {r.partners?.length ? (
        <Fact label={t('practice.partners')}>
          <ul class="fact-list">
            {r.partners.map((p) => (
              <Partner partner={p} organizations={organizations} />
            ))}
          </ul>
        </Fact>
      ) : null}
      {r.target_groups?.length ? (
        <Fact label={t('practice.target_groups')}>
          {commaList(
            r.target_groups.map((g) => (
              <a href={searchHref('target', g)}>
                <bdi>{g}</bdi>
              </a>
            )),
            i18n.locale,
          )}
        </Fact>
      ) : null}
      {r.evidence_level && <Fact label={t('practice.evidence_level')}>{t(`evidence.${r.evidence_level}`)}</Fact>}
      <Fact label={t('practice.language')}>{languageName(r.language, i18n.locale)}</Fact>
      <Fact label={t('practice.updated')}>
        <time datetime={new Date(updated).toISOString().slice(0, 10)}>{i18n.date(updated, { dateStyle: 'long', timeZone: 'UTC' })}</time>
      </Fact>
    </dl>
  );
};
