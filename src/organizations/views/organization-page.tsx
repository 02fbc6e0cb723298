import type { Child, FC } from 'hono/jsx';
import { languageDisplayName } from '../../i18n/display-names.ts';
import { LinkedResources } from '../../resources/views/linked-resources.tsx';
import { FollowForm } from '../../views/follow-form.tsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { FactList } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { NamingPractice } from '../organization.repo.ts';
import type { OrganizationPageData } from '../organization-page.data.ts';
import { type JoinFormValues, ManageMembers, OrganizationPeopleSection, OwnMembership } from './organization-members.tsx';
import { VerifiedBadge } from './verified-badge.tsx';

/** What an organisation's page shows: its data, a notice after a form, and the join form shown again after a refused submit. */
export interface OrganizationPageProps extends OrganizationPageData {
  notice?: string;
  join?: JoinFormValues;
}

/** A list of practices naming the organisation in one role, or nothing when there are none. */
const PracticeList: FC<{ id: string; heading: string; practices: NamingPractice[] }> = ({ id, heading, practices }) => {
  const { i18n } = usePage();
  if (practices.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ul class="org-practices">
        {practices.map((p) => (
          <li>
            <a href={`/practices/${encodeURIComponent(p.id)}`} lang={p.lang}>
              {p.title}
            </a>
            <span class="meta">
              {' '}
              · {placeLabel(i18n, p.city, p.country)}
              {p.started ? ` · ${p.started}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
};

/**
 * GET /organizations/{slug}: an organisation of the directory — its type, place, website,
 * languages, themes and description, the verified badge, the practices that name it as lead
 * organisation or partner, and its people (those with a public profile by name, the others
 * counted). Signed-in readers ask to join or leave here; its admins and the site's editors decide
 * on requests and manage members; editors verify it (or withdraw the badge).
 */
export const OrganizationPage: FC<OrganizationPageProps> = ({ org, practices, people, resources, reader, notice, join }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const path = `/organizations/${encodeURIComponent(org.slug)}`;
  const lead = practices.filter((p) => p.role === 'lead');
  const partner = practices.filter((p) => p.role === 'partner');
  const facts: [string, Child][] = [];
  if (org.type) facts.push([t('org.fact.type'), t(`actor.${org.type}`)]);
  if (org.country) facts.push([t('org.fact.place'), placeLabel(i18n, org.city, org.country)]);
  if (org.founded) facts.push([t('org.fact.founded'), String(org.founded)]);
  if (org.url)
    facts.push([
      t('org.fact.website'),
      <a href={org.url} rel="nofollow noopener">
        {org.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}
      </a>,
    ]);
  if (org.languages.length)
    facts.push([t('org.fact.languages'), org.languages.map((l) => languageDisplayName(l, i18n.locale)).join(listSeparator(i18n.locale))]);
  if (org.themes.length) facts.push([t('org.fact.themes'), org.themes.map((th) => t(`theme.${th}`)).join(listSeparator(i18n.locale))]);
  return (
    <Layout title={org.name} description={org.description ?? t('org.page.description', { name: org.name })} canonical={path}>
      <p>
        <a href="/organizations">{t('org.back')}</a>
      </p>
      <h1 dir="auto">
        {org.name}
        {org.acronym && <span class="meta"> ({org.acronym})</span>}
      </h1>
      {notice && (
        <p class="notice notice--success" role="status">
          {t(notice)}
        </p>
      )}
      {org.verified && (
        <p>
          <VerifiedBadge />
        </p>
      )}
      {/* Names and descriptions are in the organisation's own words and script: their direction follows them. */}
      {org.description && (
        <p class="lead" dir="auto">
          {org.description}
        </p>
      )}
      <FactList facts={facts} />
      <FollowForm kind="organization" target={org.slug} label={org.name} back={path} />
      <PracticeList id="lead-practices" heading={t('org.practices.lead', { count: lead.length })} practices={lead} />
      <PracticeList id="partner-practices" heading={t('org.practices.partner', { count: partner.length })} practices={partner} />
      {practices.length === 0 && <p>{t('org.practices.none')}</p>}
      <LinkedResources resources={resources} />
      <OrganizationPeopleSection people={people} />
      <OwnMembership path={path} reader={reader} join={join} />
      {reader?.managed && <ManageMembers path={path} managed={reader.managed} csrf={reader.csrf} />}
      {reader?.mayVerify && (
        <form method="post" action={`${path}/verify`} class="inline-form">
          <CsrfInput token={reader.csrf} />
          <input type="hidden" name="verified" value={org.verified ? 'no' : 'yes'} />
          <button type="submit" class="button--secondary">
            {t(org.verified ? 'org.verify.withdraw' : 'org.verify.give')}
          </button>
        </form>
      )}
    </Layout>
  );
};
