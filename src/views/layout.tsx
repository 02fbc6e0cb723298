import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { defaultLocale, locales } from '../i18n/i18n.ts';
import { localizedPath } from '../i18n/locale-routing.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { usePage } from './page-context.ts';

/** Head extras a page may add: canonical URL, feeds, alternates, structured data. */
export interface LayoutProps {
  title: string;
  description?: string;
  canonical?: string;
  noindex?: boolean;
  feeds?: { href: string; title: string; type: string }[];
  jsonLd?: unknown;
  /** Extra `<meta name content>` tags (a practice's Highwire `citation_*` tags for reference managers). */
  meta?: { name: string; content: string }[];
  children?: Child;
}

/** Serialises JSON-LD so it cannot close the script element it sits in. */
function jsonLdScript(data: unknown) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return raw(`<script type="application/ld+json">${json}</script>`);
}

/** The one page layout: header with search, main content, footer. */
export const Layout: FC<LayoutProps> = ({ title, description, canonical, noindex, feeds, jsonLd, meta, children }) => {
  const { i18n, assets, publicUrl, path, layoutParts } = usePage();
  const AccountNav = layoutParts?.accountNav;
  const { t } = i18n;
  const fullTitle = title === t('site.name') ? title : `${title} · ${t('site.name')}`;
  return (
    <html lang={i18n.locale} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        {canonical && <link rel="canonical" href={`${publicUrl}${localizedPath(canonical, i18n.locale)}`} />}
        {!noindex && locales.map((l) => <link rel="alternate" hreflang={l} href={`${publicUrl}${localizedPath(canonical ?? path, l)}`} />)}
        {!noindex && <link rel="alternate" hreflang="x-default" href={`${publicUrl}${localizedPath(canonical ?? path, defaultLocale)}`} />}
        {noindex && <meta name="robots" content="noindex" />}
        <link rel="stylesheet" href={assets.css} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {feeds?.map((f) => (
          <link rel="alternate" type={f.type} href={f.href} title={f.title} />
        ))}
        {jsonLd ? jsonLdScript(jsonLd) : null}
        {meta?.map((m) => (
          <meta name={m.name} content={m.content} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a class="site-name" href="/">
              <span class="site-name__mark" aria-hidden="true">
                ◈
              </span>{' '}
              {t('site.name')}
            </a>
            <LanguageSwitcher />
            <nav class="site-nav" aria-label={t('nav.main')}>
              <ul>
                <li>
                  <a href="/practices">{t('nav.practices')}</a>
                </li>
                <li>
                  <a href="/resources">{t('nav.resources')}</a>
                </li>
                <li>
                  <a href="/map">{t('nav.map')}</a>
                </li>
                <li>
                  <a href="/organizations">{t('nav.organizations')}</a>
                </li>
                <li>
                  <a href="/people">{t('nav.people')}</a>
                </li>
                <li>
                  <a href="/groups">{t('nav.groups')}</a>
                </li>
                <li>
                  <a href="/events">{t('nav.events')}</a>
                </li>
                <li>
                  <a href="/calls">{t('nav.calls')}</a>
                </li>
                <li>
                  <a href="/api">{t('nav.api')}</a>
                </li>
                {AccountNav && (
                  <li>
                    <AccountNav />
                  </li>
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('footer.about')}</p>
            <p>{t('footer.license')}</p>
            <p>
              <a href="/api">{t('footer.opendata')}</a> · <a href="/self-assessment">{t('sa.link')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
};
