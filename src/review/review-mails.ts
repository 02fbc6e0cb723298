import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { Mail } from '../mail/mailer.ts';
import { submissionPath } from '../submissions/submission-mails.ts';

/**
 * The mail telling someone (the submitter, or the editor in charge) that a new message was
 * written in a submission's private conversation, in the reader's interface language, with the
 * message itself and the link to reply.
 * @example mailer.send(commentMail({ to, name, locale: 'es', publicUrl, id: 7, title, author: 'Ana', body }))
 */
export function commentMail(p: { to: string; name: string; locale: string; publicUrl: string; id: number; title: string; author: string; body: string }): Mail {
  const { t, locale } = translator(p.locale);
  const title = p.title || t('submissions.untitled');
  const lines = [
    t('accounts.mail.greeting', { name: p.name }),
    '',
    t('review.mail.comment.body', { author: p.author, title }),
    '',
    p.body,
    '',
    t('review.mail.comment.link'),
    `${p.publicUrl}${localizedPath(submissionPath(p.id), locale)}`,
    '',
    t('accounts.mail.signature'),
  ];
  return { to: p.to, subject: t('review.mail.comment.subject', { title }), text: lines.join('\n'), language: locale };
}
