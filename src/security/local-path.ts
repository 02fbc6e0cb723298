/** Stands in for this site when resolving a path the way a browser would. */
const here = 'http://here.invalid';

/** Printable ASCII without backslash: a path the site itself writes never holds anything else. */
const plainAscii = /^[\x21-\x5B\x5D-\x7E]+$/;

/** What must not appear in a path once decoded: control characters, whitespace, backslash. */
const unsafeDecoded = /[\p{C}\s\\]/u;

/** A doubled slash or a dot segment, which a browser or a proxy could turn into another host. */
const unsafeSegments = /\/\/|(^|\/)\.\.?(\/|$)/;

/**
 * The path part of a candidate, percent-decoded until it no longer changes (so `%252F` counts
 * as a slash too); undefined when an encoding is malformed.
 */
function decodedPath(path: string): string | undefined {
  let current = path;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/**
 * The value when it is a path of this site that no browser can read as another site, else
 * undefined. For every redirect target that comes from input (`?next=`, a form field): it must
 * be printable ASCII starting with one `/`, already in the form a browser would normalise it to
 * (tabs and line breaks dropped, `\` read as `/`, dot segments removed), and its path, however
 * often percent-decoded, holds no control character, whitespace, backslash, `//` or dot segment.
 * @example localPath('/practices?q=night%20school') // '/practices?q=night%20school'
 * @example localPath('/\t/evil.example') // undefined
 */
export function localPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048 || !value.startsWith('/') || !plainAscii.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, here);
  } catch {
    return undefined;
  }
  if (url.origin !== here || url.pathname + url.search + url.hash !== value) return undefined;
  const path = decodedPath(url.pathname);
  if (path === undefined || unsafeDecoded.test(path) || unsafeSegments.test(path)) return undefined;
  return value;
}

/**
 * Where to go after signing in: `next` when it is a path of this site (see localPath), else
 * /account. Every redirect target that comes from input goes through localPath.
 * @example return seeOther(c, safeNext(form.data.next));
 */
export function safeNext(next: unknown): string {
  return localPath(next) ?? '/account';
}
