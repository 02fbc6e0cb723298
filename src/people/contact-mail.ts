import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';
import type { ContactInput } from './contact.schema.ts';
import type { MailAddressee, Sender } from './person.repo.ts';

/** Why the recipient gets the message: through their public profile, or as the contact a practice names. */
export type ContactReason = { kind: 'profile' } | { kind: 'practice'; title: string; organization?: string };

/**
 * The mail a contact form sends, in the recipient's language: who wrote (name and organisation),
 * why they got it, the message, and that answering replies to the sender (`replyTo`), whose
 * address they thereby learn. The recipient's own address is never shown to the sender.
 * @example queueMail(trx, contactMail(to, sender, { subject, message }, { kind: 'profile' }, publicUrl));
 */
export function contactMail(to: MailAddressee, sender: Sender, input: ContactInput, reason: ContactReason, publicUrl: string): QueuedMail {
  const { t, locale } = translator(to.locale);
  const who = sender.organization ? t('people.mail.sender_of', { name: sender.name, organization: sender.organization }) : sender.name;
  const why =
    reason.kind === 'profile'
      ? t('people.mail.why.profile', { sender: who })
      : reason.organization
        ? t('people.mail.why.practice_org', { sender: who, practice: reason.title, organization: reason.organization })
        : t('people.mail.why.practice', { sender: who, practice: reason.title });
  const text = [
    t('people.mail.greeting', { name: to.name }),
    '',
    why,
    '',
    `${t('people.mail.subject_line')} ${input.subject}`,
    '',
    input.message,
    '',
    '—',
    t('people.mail.reply', { sender: sender.name }),
    // Only a profile is the recipient's own doing; the contact of a practice is the practice's.
    ...(reason.kind === 'profile' ? [t('people.mail.unwanted', { link: `${publicUrl}${localizedPath('/account', locale)}` })] : []),
  ].join('\n');
  return { to: to.email, subject: t('people.mail.subject', { sender: sender.name, subject: input.subject }), text, language: locale, replyTo: sender.email };
}
