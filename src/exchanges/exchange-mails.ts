import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';
import { cityLabel } from '../views/labels.ts';
import type { Exchange, ExchangeAddressee } from './exchange.repo.ts';

/** The page of one's exchanges, in the reader's language, as a full address. */
const exchangesLink = (publicUrl: string, locale: string) => `${publicUrl}${localizedPath('/exchanges', locale)}`;

/** What a mail says of an exchange: its cities, kind and theme, in the reader's language. */
function described(x: Pick<Exchange, 'from' | 'to' | 'kind' | 'theme'>, locale: string) {
  const i18n = translator(locale);
  return {
    i18n,
    values: {
      from: cityLabel(i18n, x.from.country, x.from.name),
      to: cityLabel(i18n, x.to.country, x.to.name),
      kind: i18n.t(`exchanges.kind.${x.kind}`),
      theme: i18n.t(`theme.${x.theme}`),
    },
  };
}

/**
 * To each representative of the asked city: a city asks for an exchange, with the asker's
 * message (plain text) and the page where they answer. Replies go to the asker.
 * @example queueMail(trx, exchangeRequestMail(rep, { exchange, requester, publicUrl }));
 */
export function exchangeRequestMail(
  to: ExchangeAddressee,
  p: { exchange: Pick<Exchange, 'from' | 'to' | 'kind' | 'theme' | 'message' | 'onBehalf'>; requester: ExchangeAddressee; publicUrl: string },
): QueuedMail {
  const { i18n, values } = described(p.exchange, to.locale);
  const { t, locale } = i18n;
  const text = [
    t('exchanges.mail.greeting', { name: to.name }),
    '',
    t(p.exchange.onBehalf ? 'exchanges.mail.request.body' : 'exchanges.mail.request.body_member', { ...values, requester: p.requester.name }),
    '',
    t('exchanges.mail.request.message'),
    '',
    p.exchange.message,
    '',
    t('exchanges.mail.request.answer', values),
    exchangesLink(p.publicUrl, locale),
    '',
    t('exchanges.mail.signature'),
  ].join('\n');
  return { to: to.email, subject: t('exchanges.mail.request.subject', values), text, language: locale, replyTo: p.requester.email };
}

/**
 * To the asker: the asked city accepted or declined, with the message of whoever answered.
 * @example queueMail(trx, exchangeDecisionMail(asker, { exchange, outcome: 'accepted', message: null, publicUrl }));
 */
export function exchangeDecisionMail(
  to: ExchangeAddressee,
  p: { exchange: Pick<Exchange, 'from' | 'to' | 'kind' | 'theme'>; outcome: 'accepted' | 'declined'; message: string | null; publicUrl: string },
): QueuedMail {
  const { i18n, values } = described(p.exchange, to.locale);
  const { t, locale } = i18n;
  const text = [
    t('exchanges.mail.greeting', { name: to.name }),
    '',
    t(`exchanges.mail.${p.outcome}.body`, values),
    ...(p.message ? ['', t('exchanges.mail.decision.message'), '', p.message] : []),
    '',
    exchangesLink(p.publicUrl, locale),
    '',
    t('exchanges.mail.signature'),
  ].join('\n');
  return { to: to.email, subject: t(`exchanges.mail.${p.outcome}.subject`, values), text, language: locale };
}
