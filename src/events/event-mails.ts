import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';
import type { EventRow } from './event.repo.ts';
import { eventWhen } from './event-dates.ts';

/** What happened to a person's registration: each is one mail. */
export type RegistrationChange = 'registered' | 'waiting' | 'promoted' | 'cancelled';

/**
 * The mail telling a person where they stand for an event — a place, a place on the waiting list
 * (with its number), a place freed for them, or their cancellation — in their interface
 * language, with when the event is (in its organiser's zone) and the link to its page.
 * @example await queueMail(trx, registrationMail('waiting', person, event, 'https://ch.example', 3));
 */
export function registrationMail(
  change: RegistrationChange,
  person: { email: string; name: string; locale: string },
  event: Pick<EventRow, 'id' | 'title' | 'starts_at' | 'ends_at' | 'all_day' | 'time_zone'>,
  publicUrl: string,
  place?: number,
): QueuedMail {
  const { t, locale } = translator(person.locale);
  const values = { title: event.title, place: place ?? 0 };
  const lines = [
    t('accounts.mail.greeting', { name: person.name }),
    '',
    t(`event.mail.${change}.body`, values),
    '',
    `${event.title}`,
    eventWhen(locale, event),
    `${publicUrl}${localizedPath(`/events/${event.id}`, locale)}`,
    '',
    t(change === 'cancelled' ? 'event.mail.register_again' : 'event.mail.cancel_hint'),
    '',
    t('accounts.mail.signature'),
  ];
  return { to: person.email, subject: t(`event.mail.${change}.subject`, values), text: lines.join('\n'), language: locale };
}
