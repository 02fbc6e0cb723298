import { CompiledQuery, type QueryResult } from 'kysely';
import type { Database } from './database.ts';

/**
 * A statement written as text with numbered bind parameters. For the multi-row writes of a bulk
 * import only: a batch holds tens of thousands of values, and assembling them as Kysely's
 * operation nodes costs more CPU than anything else the app does per record (4 s of a 100k
 * import). Values are always bind parameters; only fixed identifiers go into the text.
 * @example
 * const st = new Statement();
 * await st.execute(db, `INSERT INTO practice_links (practice_id, adapted_from_id, position) VALUES (${st.param(id)}, ${st.param(from)}, 0)`);
 */
export class Statement {
  readonly params: unknown[] = [];

  /** Adds a bind parameter holding `value` and returns its placeholder (`$1`, `$2`, …). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Runs `text` with the parameters added so far, in the connection or transaction `db` gives. */
  execute<R = unknown>(db: Database, text: string): Promise<QueryResult<R>> {
    return db.executeQuery<R>(CompiledQuery.raw(text, this.params));
  }
}
