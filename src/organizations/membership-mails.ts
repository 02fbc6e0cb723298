import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { QueuedMail } from '../mail/mail-queue.ts';
import type { MemberAddressee } from './membership.repo.ts';

/** The organisation a mail is about. */
interface OrgRef {
  slug: string;
  name: string;
}

/** The organisation's page in the reader's language, as a full address. */
const pageLink = (publicUrl: string, org: OrgRef, locale: string) => `${publicUrl}${localizedPath(`/organizations/${encodeURIComponent(org.slug)}`, locale)}`;

/**
 * To an organisation's admins (or, while it has none, the site's editors): someone asks to join,
 * with their note; the page where they decide.
 * @example queueMail(trx, joinRequestMail(admin, { org, requester: 'Ana', note: null, publicUrl }));
 */
export function joinRequestMail(to: MemberAddressee, p: { org: OrgRef; requester: string; note: string | null; publicUrl: string }): QueuedMail {
  const { t, locale } = translator(to.locale);
  const text = [
    t('org.members.mail.greeting', { name: to.name }),
    '',
    t('org.members.mail.request.body', { requester: p.requester, organization: p.org.name }),
    ...(p.note ? ['', t('org.members.mail.request.note'), '', p.note] : []),
    '',
    t('org.members.mail.request.decide'),
    pageLink(p.publicUrl, p.org, locale),
    '',
    t('org.members.mail.signature'),
  ].join('\n');
  return { to: to.email, subject: t('org.members.mail.request.subject', { organization: p.org.name }), text, language: locale };
}

/**
 * To the person who asked to join: approved (as member or admin) or declined.
 * @example queueMail(trx, decisionMail(requester, { org, outcome: 'approved', role: 'member', publicUrl }));
 */
export function decisionMail(
  to: MemberAddressee,
  p: { org: OrgRef; outcome: 'approved' | 'declined'; role: 'member' | 'admin'; publicUrl: string },
): QueuedMail {
  const { t, locale } = translator(to.locale);
  const text = [
    t('org.members.mail.greeting', { name: to.name }),
    '',
    p.outcome === 'approved'
      ? t('org.members.mail.approved.body', { organization: p.org.name, role: p.role })
      : t('org.members.mail.declined.body', { organization: p.org.name }),
    '',
    pageLink(p.publicUrl, p.org, locale),
    '',
    t('org.members.mail.signature'),
  ].join('\n');
  return { to: to.email, subject: t(`org.members.mail.${p.outcome}.subject`, { organization: p.org.name }), text, language: locale };
}
