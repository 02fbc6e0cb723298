/**
 * The visible text of a page's main element: drawings (SVG) and tags removed, the entities the
 * renderer writes decoded, spaces collapsed.
 * @example expect(mainText(html)).toContain('Population 500,000 (2019)');
 */
export const mainText = (html: string) =>
  (html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
