import { type Translator, translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';
import { type ActivityKind, activityKinds } from './activity.repo.ts';
import type { NotificationItem, Recipient } from './notification.repo.ts';

/** Links a mail carries besides its items. */
export interface MailLinks {
  publicUrl: string;
  /** One-click unsubscribe URL of this mail's list (RFC 8058), also put in its headers. */
  unsubscribe: string;
  /** Unsubscribe URLs of each follow that brought an item, by reason ('theme:housing'). */
  stopFollowing?: Map<string, string>;
}

/** The follow behind an item, in words: "the theme “Housing”". */
export function reasonText(t: Translator['t'], reason: string, label: string): string {
  const kind = reason.slice(0, reason.indexOf(':'));
  const target = reason.slice(reason.indexOf(':') + 1);
  const name = kind === 'theme' ? t(`theme.${target}`) : label;
  return t(`follows.because.${kind}`, { name });
}

/** RFC 8058: the list's one-click unsubscribe, which mail programs offer as a button. */
function listHeaders(unsubscribe: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

const absolute = (links: MailLinks, path: string, locale: string) => `${links.publicUrl}${localizedPath(path, locale)}`;

/**
 * The mail of one notification sent at once, in the person's language: what happened, the link,
 * why they get it, and how to stop.
 * @example mailer.send(immediateMail(recipient, item, links));
 */
export function immediateMail(recipient: Recipient, item: NotificationItem, links: MailLinks): QueuedMail {
  const { t, locale } = translator(recipient.locale);
  const a = item.activity;
  const lines = [t('accounts.mail.greeting', { name: recipient.name }), '', t(`follows.mail.${a.kind}.body`, { title: a.title }), ''];
  if (a.summary) lines.push(a.summary, '');
  lines.push(absolute(links, a.path, locale), '');
  lines.push(t('follows.mail.because', { reason: reasonText(t, item.reason, item.reasonLabel) }));
  lines.push(t('follows.mail.stop_this'), links.unsubscribe);
  lines.push(t('follows.mail.manage'), absolute(links, '/account/follows', locale), '', t('accounts.mail.signature'));
  return {
    to: recipient.email,
    subject: t(`follows.mail.${a.kind}.subject`, { title: a.title }),
    text: lines.join('\n'),
    language: locale,
    headers: listHeaders(links.unsubscribe),
  };
}

/**
 * A digest: the period's items grouped by what they are (practices, events, group posts…), each
 * with its link, then how to leave this digest or stop following what brought each item.
 * @example const mail = digestMail(recipient, 'weekly', items, links);
 */
export function digestMail(recipient: Recipient, frequency: 'daily' | 'weekly', items: NotificationItem[], links: MailLinks): QueuedMail {
  const { t, locale } = translator(recipient.locale);
  const lines = [t('accounts.mail.greeting', { name: recipient.name }), '', t(`follows.mail.digest.${frequency}.intro`, { count: items.length }), ''];
  const byKind = new Map<ActivityKind, NotificationItem[]>();
  for (const item of items) byKind.set(item.activity.kind, [...(byKind.get(item.activity.kind) ?? []), item]);
  for (const kind of activityKinds) {
    const group = byKind.get(kind);
    if (!group) continue;
    lines.push(t(`follows.section.${kind}`, { count: group.length }), '');
    for (const item of group) lines.push(`• ${item.activity.title}`, `  ${absolute(links, item.activity.path, locale)}`);
    lines.push('');
  }
  const reasons = new Map(items.map((i) => [i.reason, i.reasonLabel]));
  if (links.stopFollowing?.size) {
    lines.push(t('follows.mail.stop_each'));
    for (const [reason, label] of reasons) {
      const url = links.stopFollowing.get(reason);
      if (url) lines.push(`• ${reasonText(t, reason, label)}: ${url}`);
    }
    lines.push('');
  }
  lines.push(t(`follows.mail.digest.${frequency}.stop`), links.unsubscribe);
  lines.push(t('follows.mail.manage'), absolute(links, '/account/follows', locale), '', t('accounts.mail.signature'));
  return {
    to: recipient.email,
    subject: t(`follows.mail.digest.${frequency}.subject`, { count: items.length }),
    text: lines.join('\n'),
    language: locale,
    headers: listHeaders(links.unsubscribe),
  };
}
