import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { organizationsNamedBy } from '../organizations/organization.repo.ts';
import { contactForm } from '../people/contact.schema.ts';
import { countContact } from '../people/contact-limits.ts';
import { contactPractice } from '../people/contact-practice.command.ts';
import { practiceContact } from '../people/practice-contact.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { readFormValues } from '../shared/read-form.ts';
import { findPublishedPractice } from './practice.repo.ts';
import { PracticePage } from './views/practice-page.tsx';

/**
 * POST /practices/{id}/contact: a signed-in person writes to the contact the practice names (the
 * person, or the organisation's admins), rate limited like every contact form; a 404 when the
 * practice names nobody who can be written to. Bad input shows the practice again with the
 * form as typed.
 */
export function practiceContactRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/contact', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const id = c.req.param('id');
    const practice = await findPublishedPractice(db, id);
    if (!practice) throw notFound(`practice "${id}" does not exist`);
    const contact = await practiceContact(db, practice.record.contact);
    if (!contact.reachable) throw notFound('this practice names no contact who can be written to');
    const values = await postedForm(c);
    const form = readFormValues(contactForm, values, ['people.', 'form.'], 'people.contact.invalid');
    const again = async (state: { errors?: Record<string, string>; retryAfterSeconds?: number }, status: 400 | 429) => {
      const typed = { subject: String(values.subject ?? ''), message: String(values.message ?? '') };
      const organizations = await organizationsNamedBy(db, id);
      const page = { practice, similar: [], lang: c.get('i18n').locale, organizations, contact };
      return privatePage(c, <PracticePage {...page} contactForm={{ csrf: account.csrfToken, values: typed, ...state }} />, status);
    };
    if (!form.ok) return again({ errors: form.errors }, 400);
    const recipient = contact.person ? `person:${contact.person.slug}` : `org:${contact.organization?.slug}`;
    const limit = await countContact(db, account.userId, recipient);
    if (!limit.allowed) {
      c.header('retry-after', String(limit.retryAfterSeconds));
      return again({ retryAfterSeconds: limit.retryAfterSeconds }, 429);
    }
    const { record } = practice;
    await contactPractice({ db, publicUrl: config.publicUrl }, { id, title: record.title, contact: record.contact }, form.data, {
      userId: account.userId,
      ip: clientAddress(c, config.TRUST_PROXY),
    });
    return seeOther(c, `/practices/${encodeURIComponent(id)}?done=sent#contact`);
  });
  return app;
}
