import type { FC } from 'hono/jsx';
import type { PracticeAssessment } from '../../assessments/assessment.repo.ts';
import { AssessmentBadges } from '../../assessments/views/assessment-badges.tsx';
import { highwireTags } from '../../citations/highwire.ts';
import { CiteBox } from '../../citations/views/cite-box.tsx';
import type { Exchange } from '../../exchanges/exchange.repo.ts';
import { PracticeExchanges } from '../../exchanges/views/practice-exchanges.tsx';
import type { PracticeContact } from '../../people/practice-contact.ts';
import type { ContactFormState } from '../../people/views/contact-form.tsx';
import { PracticeContactSection } from '../../people/views/practice-contact.tsx';
import type { LinkedResource } from '../../resources/resource.repo.ts';
import { LinkedResources } from '../../resources/views/linked-resources.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { PracticeWithLineage } from '../practice.repo.ts';
import { PracticeActions } from './practice-actions.tsx';
import { OpenDataBox, type SimilarPractice, SimilarPractices } from './practice-aside.tsx';
import { practiceCitation, practiceCredits } from './practice-citation.ts';
import { PracticeFacts } from './practice-facts.tsx';
import { PracticeHeader } from './practice-header.tsx';
import { practiceJsonLd } from './practice-json-ld.ts';
import { PracticeLineage } from './practice-lineage.tsx';
import { practiceHref } from './practice-links.ts';
import { PracticeSections, PracticeSources } from './practice-sections.tsx';
import { shownTexts } from './practice-translation.ts';

/** What the practice page shows: the practice with its lineage, similar practices and the language asked for. */
export interface PracticePageData {
  practice: PracticeWithLineage;
  similar: SimilarPractice[];
  /** A translation to read; ignored when the record has none in that language. */
  lang?: string;
  /** The editors' assessment, shown as badges at the top of the main column; none when unassessed. */
  assessment?: PracticeAssessment;
  /** The organisations of the directory the record names: lower-cased name or acronym → slug. */
  organizations?: Map<string, string>;
  /** Who the record names as its contact, as far as they can be reached now. */
  contact?: PracticeContact;
  /** A signed-in reader's contact form (its token, what happened at the last submit). */
  contactForm?: ContactFormState;
  /** The accepted city-to-city exchanges the practice came out of. */
  exchanges?: Exchange[];
  /** The resources of the library that document the practice. */
  resources?: LinkedResource[];
}

/** The full record of one practice, for reading at length and judging whether it fits elsewhere. */
export const PracticePage: FC<PracticePageData> = ({
  practice,
  similar,
  lang,
  assessment,
  organizations,
  contact,
  contactForm,
  exchanges = [],
  resources = [],
}) => {
  const { i18n, publicUrl } = usePage();
  const { t } = i18n;
  const r = practice.record;
  const shown = shownTexts(r, lang);
  const leadSlug = r.lead_organization ? organizations?.get(r.lead_organization.toLowerCase()) : undefined;
  // Built once from what the page loaded: the reference, the meta tags and the JSON-LD's authors agree.
  const citation = practiceCitation(practice, { siteName: t('site.name'), publicUrl, accessed: new Date() });
  return (
    <Layout
      title={shown.title.text}
      description={shown.summary.text}
      canonical={practiceHref(r.id)}
      jsonLd={practiceJsonLd(practice, i18n, publicUrl, citation)}
      meta={highwireTags(citation, r.lead_organization)}
    >
      <PracticeHeader record={r} shown={shown} />
      <div class="practice-layout">
        <article class="practice-main">
          <AssessmentBadges assessment={assessment} />
          <h2>{t('practice.at_a_glance')}</h2>
          <PracticeFacts practice={practice} organizations={organizations} />
          <PracticeSections record={r} body={shown.body} />
          <PracticeSources sources={r.sources} />
          <LinkedResources resources={resources} />
          {contact && (
            <PracticeContactSection
              practiceId={r.id}
              contact={contact}
              lead={leadSlug && r.lead_organization ? { slug: leadSlug, name: r.lead_organization } : undefined}
              form={contactForm}
            />
          )}
        </article>
        <aside class="practice-aside">
          <PracticeActions id={r.id} />
          <PracticeLineage practice={practice} />
          <PracticeExchanges practiceId={r.id} city={practice.city_slug ? { country: r.country, slug: practice.city_slug } : undefined} exchanges={exchanges} />
          <SimilarPractices similar={similar} />
          <CiteBox item={citation} base={`${practiceHref(r.id)}/cite`} unnamedSubmitter={practiceCredits(practice).unnamedSubmitter} />
          <OpenDataBox id={r.id} />
        </aside>
      </div>
    </Layout>
  );
};
