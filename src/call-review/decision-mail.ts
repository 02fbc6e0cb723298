import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';

/**
 * To an applicant (or co-editor) once a call's decisions are released: that the decision is
 * out, and the page with it, their scores and the reviewers' comments. The decision itself is
 * read on the site (signed in), never in the mail.
 * @example queueMail(trx, decisionReleasedMail(to, { call, publicUrl }));
 */
export function decisionReleasedMail(
  to: { email: string; name: string; locale: string; applicationId: number; applicationName: string },
  p: { call: { slug: string; title: string }; publicUrl: string },
): QueuedMail {
  const { t, locale } = translator(to.locale);
  const path = `/calls/${encodeURIComponent(p.call.slug)}/applications/${to.applicationId}/feedback`;
  const text = [
    t('call_review.mail.greeting', { name: to.name }),
    '',
    t('call_review.mail.body', { call: p.call.title, application: to.applicationName }),
    '',
    `${p.publicUrl}${localizedPath(path, locale)}`,
    '',
    t('call_review.mail.signature'),
  ].join('\n');
  return { to: to.email, subject: t('call_review.mail.subject', { call: p.call.title }), text, language: locale };
}
