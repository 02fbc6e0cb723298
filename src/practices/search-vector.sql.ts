import type { Statement } from '../db/statement.ts';
import type { SearchPart } from './practice-search-doc.ts';

/**
 * The SQL of one search vector, its texts and configurations bound to `st`: each part stemmed
 * with its configuration and weighted, joined in order (the order sets the positions that
 * phrase matching and ranking read).
 * @example const st = new Statement(); await st.execute(db, `SELECT ${tsvectorSql(searchParts(record).rank, st)}`);
 */
export function tsvectorSql(parts: SearchPart[], st: Statement): string {
  if (parts.length === 0) return `''::tsvector`;
  return parts.map((p) => `setweight(to_tsvector(${st.param(p.config)}::regconfig, ${st.param(p.text)}), '${p.weight}')`).join(' || ');
}
