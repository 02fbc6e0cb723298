import { Hono } from 'hono';
import { z } from 'zod';
import { findAssessment } from '../assessments/assessment.repo.ts';
import { exchangesOfOutcome } from '../exchanges/exchange.repo.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { privatePage } from '../http/responses.ts';
import { organizationsNamedBy } from '../organizations/organization.repo.ts';
import { practiceContact } from '../people/practice-contact.ts';
import { resourcesLinkedTo } from '../resources/resource.repo.ts';
import { similarPractices } from '../search/similar-practices.ts';
import { findPublishedPractice } from './practice.repo.ts';
import { practiceCiteRoutes } from './practice-cite.routes.ts';
import { practiceContactRoutes } from './practice-contact.routes.tsx';
import { PracticePage } from './views/practice-page.tsx';

/** `lang` picks a translation; anything that is not a language code is ignored rather than refused. */
const pageQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .catch(undefined),
});

/** GET /practices/{id} — one practice in full, in the interface language's translation if any, or the one `?lang=` names. */
export function practiceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  // The id pattern of the exchange format: other paths under /practices/ (feeds, exports) never land here.
  app.get('/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}', async (c) => {
    const id = c.req.param('id');
    // Without ?lang the page is read in the interface language where a translation exists.
    const lang = pageQuery.parse(c.req.query()).lang ?? c.get('i18n').locale;
    const [practice, similar, assessment, organizations, exchanges, resources] = await Promise.all([
      findPublishedPractice(db, id),
      similarPractices(db, id, c.get('i18n').locale, 5),
      findAssessment(db, id),
      organizationsNamedBy(db, id),
      exchangesOfOutcome(db, id),
      resourcesLinkedTo(db, 'practice', id),
    ]);
    if (!practice) throw notFound(`practice "${id}" does not exist`);
    const contact = await practiceContact(db, practice.record.contact);
    const account = c.get('account');
    const page = { practice, similar, lang, assessment, organizations, contact, exchanges, resources };
    // A signed-in reader of a practice with a contact form gets the form with their token: never kept or shared.
    if (account && contact.reachable)
      return privatePage(c, <PracticePage {...page} contactForm={{ csrf: account.csrfToken, sent: c.req.query('done') === 'sent' }} />);
    return renderPage(c, <PracticePage {...page} />);
  });
  app.route('/', practiceContactRoutes(deps));
  app.route('/', practiceCiteRoutes(deps));
  return app;
}
