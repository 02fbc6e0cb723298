import type { Database } from '../../db/database.ts';
import { contentHash } from '../../shared/text.ts';
import { storedContentHashes } from '../practice.repo.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import { dropStagedVectors, newImportTicket, type StagedVectors, stageSearchVectors } from './import-vectors.repo.ts';

/** Records per staging statement: two run at once, on two spare connections (other cores). */
const chunkSize = 125;
/** How far staging may run ahead of the writes, in records (about 7 KB of vectors each). */
const maxLead = 16_000;

/**
 * Computes an import's search vectors ahead of its writes on two spare PostgreSQL connections
 * and stages them (see stageSearchVectors), alongside the writing transaction. Records identical
 * to what is stored are skipped (the upsert leaves them alone). Records are staged in the order
 * they are handed over, at most `maxLead` ahead of those the writer has asked for. (Staging
 * while the file was still being validated, when the database is idle, measured slower: 135 and
 * 145 s against 121 and 139 s at 100k, in alternating runs.)
 * @example
 * const stager = new VectorStager(pool);
 * stager.stage(records);
 * await upsertPractices(trx, batch, change, cities, await stager.ready(batch));
 * await stager.close();
 */
export class VectorStager {
  readonly #db: Database;
  readonly #ticket = newImportTicket();
  readonly #staged = new Set<string>();
  /** Ids handed over, and whether their chunk is done (staged or skipped as unchanged). */
  readonly #done = new Map<string, boolean>();
  readonly #queue: PracticeRecord[][] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #waiters: (() => void)[] = [];
  #handedOver = 0;
  #asked = 0;
  #failure: unknown;

  constructor(db: Database) {
    this.#db = db;
  }

  /** The ticket the vectors are staged under. */
  get ticket(): number {
    return this.#ticket;
  }

  /** How many records have their vectors staged (those identical to what is stored have none). */
  get stagedCount(): number {
    return this.#staged.size;
  }

  /** Queues records for staging; those already handed over are ignored. */
  stage(records: PracticeRecord[]): void {
    const fresh = records.filter((r) => !this.#done.has(r.id));
    for (const r of fresh) this.#done.set(r.id, false);
    for (let start = 0; start < fresh.length; start += chunkSize) this.#queue.push(fresh.slice(start, start + chunkSize));
    this.#pump();
  }

  /** Waits until a batch's records are staged (queuing any that were not), and says which are. */
  async ready(batch: PracticeRecord[]): Promise<StagedVectors> {
    // Counted as asked first, so staging it is not held back by the lead it makes room for.
    this.#asked += batch.length;
    this.stage(batch);
    while (this.#failure === undefined && batch.some((r) => !this.#done.get(r.id))) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    if (this.#failure !== undefined) throw this.#failure;
    return { ticket: this.#ticket, ids: this.#staged };
  }

  /** Waits for the staging still running, then removes everything this import staged. */
  async close(): Promise<void> {
    this.#queue.length = 0;
    await Promise.allSettled([...this.#running]);
    if (this.#handedOver > 0) await dropStagedVectors(this.#db, this.#ticket);
  }

  #pump(): void {
    while (this.#failure === undefined && this.#running.size < 2 && this.#queue.length > 0 && this.#handedOver - this.#asked < maxLead) {
      const chunk = this.#queue.shift() as PracticeRecord[];
      this.#handedOver += chunk.length;
      const run = this.#stageChunk(chunk).then(
        () => {
          for (const r of chunk) this.#done.set(r.id, true);
        },
        (error: unknown) => {
          this.#failure ??= error;
        },
      );
      const tracked = run.finally(() => {
        this.#running.delete(tracked);
        for (const wake of this.#waiters.splice(0)) wake();
        this.#pump();
      });
      this.#running.add(tracked);
    }
  }

  async #stageChunk(chunk: PracticeRecord[]): Promise<void> {
    const stored = await storedContentHashes(this.#db, chunk.map((r) => r.id));
    const changed = chunk.filter((r) => {
      const hash = stored.get(r.id);
      return hash === undefined || hash !== contentHash(r);
    });
    for (const id of await stageSearchVectors(this.#db, this.#ticket, changed)) this.#staged.add(id);
  }
}
