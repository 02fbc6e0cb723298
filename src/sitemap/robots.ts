import { locales } from '../i18n/i18n.ts';

/** Areas for people signed in (accounts, drafts, review, administration): of no use to a search engine. */
const privatePaths = [
  '/account',
  '/admin',
  '/review',
  '/reviews',
  '/my/',
  '/submit',
  '/notifications',
  '/login',
  '/logout',
  '/signup',
  '/password/',
  '/unsubscribe/',
  '/exchanges',
  '/internal/',
  '/practices/*/edit',
  '/practices/*/assess',
  '/practices/*/translate',
  '/cities/*/assessment/edit',
  '/cities/*/figures/edit',
  '/calls/new',
  '/calls/*/apply',
  '/calls/*/review',
  '/groups/new',
  '/resources/submit',
  '/resources/submissions/',
  '/resources/*/edit',
];

/**
 * robots.txt: public pages open to every crawler, the signed-in areas closed in every language
 * (English at the root, the others under their prefix), and where the sitemap is.
 * @example robotsTxt('https://clearinghouse.example.org')
 */
export function robotsTxt(publicUrl: string): string {
  const prefixes = ['', ...locales.map((l) => `/${l}`)];
  const disallow = prefixes.flatMap((p) => privatePaths.map((path) => `Disallow: ${p}${path}`));
  return ['User-agent: *', 'Allow: /', ...disallow, '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}
