import type { FC } from 'hono/jsx';
import { languageDisplayName } from '../i18n/display-names.ts';
import { locales } from '../i18n/i18n.ts';
import { languageChoiceHref } from '../i18n/locale-routing.ts';
import { usePage } from './page-context.ts';

/** A language's own name, as its speakers write it: "Français", "العربية". */
export function autonym(locale: string): string {
  const name = languageDisplayName(locale, locale);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/**
 * Links to the current page (with its filters) in every interface language. Following one is
 * choosing that language, which the site remembers (`languageChoiceHref`); English gets an
 * explicit /en prefix so that choosing it overrides a remembered or negotiated language.
 */
export const LanguageSwitcher: FC = () => {
  const { i18n, path } = usePage();
  return (
    <nav class="language-switcher" aria-label={i18n.t('nav.language')}>
      <ul>
        {locales.map((l) => (
          <li>
            <a href={languageChoiceHref(path, l)} hreflang={l} lang={l} aria-current={l === i18n.locale ? 'true' : undefined}>
              {autonym(l)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
