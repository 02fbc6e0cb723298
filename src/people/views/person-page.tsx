import type { Child, FC } from 'hono/jsx';
import type { OwnMembership } from '../../organizations/membership.repo.ts';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { FactList } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { PublicPerson } from '../person.repo.ts';
import { ContactForm, type ContactFormState } from './contact-form.tsx';

/** A bio as typed: paragraphs separated by blank lines, lines within one kept. */
export const BioText: FC<{ text: string }> = ({ text }) => (
  <div class="person-bio" dir="auto">
    {text.split(/\n{2,}/).map((para) => (
      <p>
        {para.split('\n').map((line, i) => (
          <>
            {i > 0 && <br />}
            {line}
          </>
        ))}
      </p>
    ))}
  </div>
);

/**
 * GET /people/{slug}: a person who chose a public profile — job title, organisation, place,
 * languages, areas of expertise, bio, the organisations of the directory they belong to — and a
 * form to write to them (signed-in readers; visitors are asked to sign in first). No address.
 */
export const PersonPage: FC<{ person: PublicPerson; organizations: OwnMembership[]; contact?: ContactFormState }> = ({ person: p, organizations, contact }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const path = `/people/${encodeURIComponent(p.slug)}`;
  const facts: [string, Child][] = [];
  if (p.organization) facts.push([t('people.fact.organization'), <bdi>{p.organization}</bdi>]);
  if (p.country) facts.push([t('people.fact.place'), placeLabel(i18n, p.city, p.country)]);
  else if (p.city) facts.push([t('people.fact.place'), <bdi>{p.city}</bdi>]);
  if (p.languages.length) facts.push([t('people.fact.languages'), <bdi>{p.languages.join(listSeparator(i18n.locale))}</bdi>]);
  if (p.expertise.length) facts.push([t('people.fact.expertise'), p.expertise.map((th) => t(`theme.${th}`)).join(listSeparator(i18n.locale))]);
  return (
    <Layout title={p.name} description={p.job_title ? `${p.name} · ${p.job_title}` : t('people.page.description', { name: p.name })} canonical={path}>
      <p>
        <a href="/people">{t('people.back')}</a>
      </p>
      <h1 dir="auto">{p.name}</h1>
      {p.job_title && (
        <p class="lead" dir="auto">
          {p.job_title}
        </p>
      )}
      <FactList facts={facts} />
      {p.bio && (
        <section aria-labelledby="person-about">
          <h2 id="person-about">{t('people.about')}</h2>
          <BioText text={p.bio} />
        </section>
      )}
      {organizations.length > 0 && (
        <section aria-labelledby="person-orgs">
          <h2 id="person-orgs">{t('people.organizations', { count: organizations.length })}</h2>
          <ul>
            {organizations.map((o) => (
              <li>
                <a href={`/organizations/${encodeURIComponent(o.slug)}`} dir="auto">
                  {o.name}
                </a>
                {o.role === 'admin' && <span class="meta"> · {t('org.members.role.admin')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="contact" class="person-contact">
        <h2 id="contact">{t('people.contact.title', { name: p.name })}</h2>
        {contact?.own ? (
          <p>
            {t('people.contact.own')} <a href="/account">{t('people.contact.own_link')}</a>
          </p>
        ) : (
          <ContactForm action={`${path}/contact`} back={path} recipient={p.name} state={contact} />
        )}
      </section>
    </Layout>
  );
};
