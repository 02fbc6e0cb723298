import { encodeCursor, nextUrl } from './openapi.ts';

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

/**
 * One page of a list read by keyset (the repository fetched `page_size + 1` rows after the
 * cursor's item): `next` carries the last item's sort key as an opaque cursor, so items added
 * or removed meanwhile shift nothing, however deep the reader pages.
 * @example return c.json(cursorPage(c.req.url, config.publicUrl, q, total, rows, (o) => [o.name.toLowerCase(), o.id], toApi), 200);
 */
export function cursorPage<R, T>(
  requestUrl: string,
  publicUrl: string,
  at: { page: number; page_size: number },
  total: number,
  rows: R[],
  keyOf: (row: R) => readonly (string | number)[],
  present: (row: R) => T,
): ApiPage<T> {
  const items = rows.slice(0, at.page_size);
  const last = items.at(-1);
  const next = rows.length > at.page_size && last !== undefined ? nextUrl(requestUrl, publicUrl, encodeCursor(keyOf(last))) : null;
  return { total, page: at.page, page_size: at.page_size, next, items: items.map(present) };
}
