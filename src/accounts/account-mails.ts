import { translator } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import type { Mail } from '../mail/mailer.ts';

/** What a mail to a person is about. */
export type AccountMailKind = 'confirm' | 'reset' | 'exists';

const paths: Record<AccountMailKind, string> = { confirm: '/signup/confirm', reset: '/password/reset', exists: '/password/forgot' };

/**
 * Writes an account mail in the person's interface language, with the link it is about.
 * @example mailer.send(accountMail('confirm', { to, name, locale: 'fr', publicUrl, token }))
 */
export function accountMail(kind: AccountMailKind, p: { to: string; name: string; locale: string; publicUrl: string; token?: string }): Mail {
  const { t, locale } = translator(p.locale);
  const path = localizedPath(paths[kind], locale);
  const link = `${p.publicUrl}${path}${p.token ? `?token=${p.token}` : ''}`;
  const loginLink = `${p.publicUrl}${localizedPath('/login', locale)}`;
  const text = [
    t('accounts.mail.greeting', { name: p.name }),
    '',
    t(`accounts.mail.${kind}.body`),
    '',
    link,
    '',
    kind === 'exists' ? t('accounts.mail.exists.login', { link: loginLink }) : t(`accounts.mail.${kind}.expiry`),
    '',
    t('accounts.mail.not_you'),
    '',
    t('accounts.mail.signature'),
  ].join('\n');
  return { to: p.to, subject: t(`accounts.mail.${kind}.subject`), text, language: locale };
}
