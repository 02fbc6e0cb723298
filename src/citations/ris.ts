import { type CslItem, isoDate } from './csl-item.ts';

/** One RIS line: the two-letter tag, two spaces, a hyphen, a space, and the value on one line. */
const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;

/**
 * The item as one RIS record (type ELEC, a web page), lines ended by CRLF as the format asks,
 * closed by `ER  - `. RIS has no escaping: values are kept on one line, in UTF-8.
 * @example toRis(item).split('\r\n')[0] // 'TY  - ELEC'
 */
export function toRis(item: CslItem): string {
  const lines = [
    line('TY', 'ELEC'),
    ...item.author.map((a) => line('AU', a.literal)),
    line('TI', item.title),
    line('PY', String(item.issued['date-parts'][0][0])),
    line('DA', isoDate(item.issued, '/')),
    line('PB', item.publisher),
    line('UR', item.URL),
    line('Y2', isoDate(item.accessed, '/')),
    line('LA', item.language),
    ...(item.abstract ? [line('AB', item.abstract)] : []),
    ...(item.keyword ? item.keyword.split(', ').map((k) => line('KW', k)) : []),
    line('ID', item.id),
    'ER  - ',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
