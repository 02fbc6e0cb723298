import type { SubmissionState } from '../db/schema.ts';
import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { Mail } from '../mail/mailer.ts';

/** Path of the page where a submitter follows a submission (and an editor reviews it). */
export const submissionPath = (id: number) => `/submissions/${id}`;

/**
 * The mail telling a submitter their submission changed state, in their interface language,
 * with the editor's message (changes asked for, or the reason for a rejection) when there is one.
 * @example mailer.send(stateChangeMail({ to, name, locale: 'fr', publicUrl, id: 7, title, state: 'published' }))
 */
export function stateChangeMail(p: {
  to: string;
  name: string;
  locale: string;
  publicUrl: string;
  id: number;
  title: string;
  state: SubmissionState;
  message?: string | null;
}): Mail {
  const { t, locale } = translator(p.locale);
  const title = p.title || t('submissions.untitled');
  const lines = [t('accounts.mail.greeting', { name: p.name }), '', t(`submissions.mail.${p.state}.body`, { title }), ''];
  if (p.message) lines.push(t('submissions.mail.message'), '', p.message, '');
  lines.push(t('submissions.mail.link'), `${p.publicUrl}${localizedPath(submissionPath(p.id), locale)}`, '', t('accounts.mail.signature'));
  return { to: p.to, subject: t(`submissions.mail.${p.state}.subject`, { title }), text: lines.join('\n'), language: locale };
}
