/** XML escaping moved to src/shared/xml-text.ts with the Atom feed writer; kept here for the practices' imports. */
export { xmlEscape } from '../../shared/xml-text.ts';
