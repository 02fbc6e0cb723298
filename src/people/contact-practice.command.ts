import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { queueMail } from '../mail/mail-queue.ts';
import { organizationAdmins } from '../organizations/membership.repo.ts';
import type { ContactInput } from './contact.schema.ts';
import { contactMail } from './contact-mail.ts';
import { addresseeOfPublicPerson, findSender } from './person.repo.ts';
import { type NamedContact, practiceContact } from './practice-contact.ts';

/**
 * A signed-in person writes to the contact a practice names: the person, while their profile is
 * public, else the admins of the organisation. Queued as mails in the recipients' languages
 * (answering goes to the sender), audited (who wrote about which practice to whom, never the
 * text). A 404 when the practice names nobody who can be reached.
 * @example await contactPractice({ db, publicUrl }, { id: 'x', title: 'Night school', contact }, input, { userId: 7, ip });
 */
export async function contactPractice(
  deps: { db: Database; publicUrl: string },
  practice: { id: string; title: string; contact?: NamedContact },
  input: ContactInput,
  sender: { userId: number; ip: string | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const contact = await practiceContact(trx, practice.contact);
    const from = await findSender(trx, sender.userId);
    const person = contact.person && (await addresseeOfPublicPerson(trx, contact.person.slug));
    const recipients = person ? [person] : contact.organization ? await organizationAdmins(trx, contact.organization.id) : [];
    if (!from || recipients.length === 0) throw notFound('this practice names no contact who can be written to');
    await recordAudit(trx, {
      action: 'practice_contact',
      actorUserId: from.id,
      target: practice.id,
      ip: sender.ip,
      details: person ? { person: contact.person?.slug } : { organization: contact.organization?.slug, recipients: recipients.map((r) => r.id) },
    });
    const reason = person
      ? ({ kind: 'practice', title: practice.title } as const)
      : ({ kind: 'practice', title: practice.title, organization: contact.organization?.name } as const);
    for (const to of recipients) await queueMail(trx, contactMail(to, from, input, reason, deps.publicUrl));
  });
}
