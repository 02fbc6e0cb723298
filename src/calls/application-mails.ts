import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';
import type { ApplicationRow, StoredFile } from './application.repo.ts';
import type { CallRow } from './call.repo.ts';
import { zonedWhen } from './call-dates.ts';

/** An answer as plain text for the mail: options joined, an empty one said. */
function answerText(a: ApplicationRow['answers'][string] | undefined, none: string): string {
  if (Array.isArray(a)) return a.length ? a.join(', ') : none;
  return a === undefined || String(a).trim() === '' ? none : String(a);
}

/**
 * The confirmation a person gets when their application is submitted, in their interface
 * language: the call, the deadline in the call's zone, a copy of every answer (files by name),
 * and the link to the application, where it can be withdrawn before the deadline.
 * @example await queueMail(trx, submittedMail(person, call, application, files, 'https://ch.example'));
 */
export function submittedMail(
  person: { email: string; name: string; locale: string },
  call: Pick<CallRow, 'slug' | 'title' | 'closes_at' | 'time_zone' | 'questions'>,
  a: ApplicationRow,
  files: StoredFile[],
  publicUrl: string,
): QueuedMail {
  const { t, locale } = translator(person.locale);
  const none = t('calls.mail.no_answer');
  const fileOf = new Map(files.map((f) => [f.question, f.fileName]));
  const lines = [
    t('accounts.mail.greeting', { name: person.name }),
    '',
    t('calls.mail.submitted.body', { title: call.title, name: a.name }),
    t('calls.mail.deadline', { when: zonedWhen(locale, call.closes_at, call.time_zone) }),
    '',
    `${publicUrl}${localizedPath(`/calls/${call.slug}/applications/${a.id}`, locale)}`,
    '',
    t('calls.mail.copy'),
    '',
    `${t('calls.identity.name')}: ${a.name}`,
    ...call.questions.flatMap((q) => [`${q.label}`, `  ${q.kind === 'file' ? (fileOf.get(q.key) ?? none) : answerText(a.answers[q.key], none)}`]),
    '',
    t('calls.mail.withdraw_hint'),
    '',
    t('accounts.mail.signature'),
  ];
  return { to: person.email, subject: t('calls.mail.submitted.subject', { title: call.title }), text: lines.join('\n'), language: locale };
}
