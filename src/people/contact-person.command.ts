import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import type { ContactInput } from './contact.schema.ts';
import { contactMail } from './contact-mail.ts';
import { addresseeOfPublicPerson, findSender } from './person.repo.ts';

/**
 * A signed-in person writes to someone with a public profile: the message is queued as a mail to
 * them (in their language, answering goes to the sender) and the audit log notes who wrote to
 * whom and when — never the text. A 404 when the profile is not (or no longer) public.
 * @example await contactPerson({ db, publicUrl }, 'ana-lopez', { subject, message }, { userId: 7, ip });
 */
export async function contactPerson(
  deps: { db: Database; publicUrl: string },
  slug: string,
  input: ContactInput,
  sender: { userId: number; ip: string | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const to = await addresseeOfPublicPerson(trx, slug);
    const from = await findSender(trx, sender.userId);
    if (!to || !from) throw notFound(`no public profile "${slug}"`);
    if (to.id === from.id) throw badRequest('this is your own profile');
    await recordAudit(trx, { action: 'person_contact', actorUserId: from.id, target: slug, ip: sender.ip, details: { recipient: to.id } });
    await queueMail(trx, contactMail(to, from, input, { kind: 'profile' }, deps.publicUrl));
  });
}
