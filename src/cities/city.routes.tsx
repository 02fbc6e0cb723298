import { Hono } from 'hono';
import { countryExists } from '../geo/countries.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { loadCityPage, loadCountryPage } from './city.service.ts';
import { CityPage } from './views/city-page.tsx';
import { CountryPage } from './views/country-page.tsx';

/** The path of a place page with each segment percent-encoded (slugs may hold any letter). */
const placePath = (...segments: string[]) => `/${segments.map(encodeURIComponent).join('/')}`;

/** GET /cities/{country}/{slug} and /countries/{code}; addresses are lower case, other spellings redirect. */
export function cityRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/cities/:country/:slug', async (c) => {
    const { country, slug } = c.req.param();
    const canonical = placePath('cities', country.toLowerCase(), slug.toLowerCase());
    if (country !== country.toLowerCase() || slug !== slug.toLowerCase()) return c.redirect(canonical + new URL(c.req.url).search, 301);
    const data = /^[a-z]{2}$/.test(country) ? await loadCityPage(db, country.toUpperCase(), slug, c.get('i18n').locale) : undefined;
    if (!data) throw notFound(`no city "${slug}" in "${country}"`);
    return renderPage(c, <CityPage data={data} canonical={canonical} />);
  });

  app.get('/countries/:code', async (c) => {
    const code = c.req.param('code');
    const canonical = placePath('countries', code.toLowerCase());
    if (code !== code.toLowerCase()) return c.redirect(canonical + new URL(c.req.url).search, 301);
    if (!countryExists(code.toUpperCase())) throw notFound(`no country "${code}"`);
    const data = await loadCountryPage(db, code.toUpperCase(), c.get('i18n').locale);
    return renderPage(c, <CountryPage data={data} canonical={canonical} />);
  });

  return app;
}
