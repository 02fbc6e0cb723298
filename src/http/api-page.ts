/** A page of a list as the JSON API answers it. */
export interface ApiPage<T> {
  total: number;
  page: number;
  page_size: number;
  /** The next page's absolute URL, or null on the last page. */
  next: string | null;
  items: T[];
}

/**
 * The API's answer for one page of a list: the total, where the reader is, the next page's URL
 * (the request's own query with `page` moved on, on the public URL) while there is one, and the items.
 * @example return c.json(apiPage(c.req.url, config.publicUrl, q, total, items.map(toApiEvent)));
 */
export function apiPage<T>(requestUrl: string, publicUrl: string, at: { page: number; page_size: number }, total: number, items: T[]): ApiPage<T> {
  const url = new URL(requestUrl);
  const more = (at.page - 1) * at.page_size + items.length < total;
  url.searchParams.set('page', String(at.page + 1));
  return { total, page: at.page, page_size: at.page_size, next: more ? `${publicUrl}${url.pathname}${url.search}` : null, items };
}
