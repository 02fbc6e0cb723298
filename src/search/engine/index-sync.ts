import type { Database } from '../../db/database.ts';
import { type CatalogueSnapshot, rowOfSeq } from '../catalogue-snapshot.ts';
import { practiceTexts } from '../search-text.repo.ts';
import { searchDocument } from './search-document.ts';
import { TextIndex } from './text-index.ts';

interface IndexState {
  index: TextIndex;
  /** Catalogue version the index reflects. */
  version: number;
  /** The sync under way, which later ones queue behind. */
  running: Promise<TextIndex>;
}

const states = new WeakMap<Database, IndexState>();
/** Practices read per round trip while (re)building. */
const chunk = 2000;

/**
 * Brings the index to the snapshot's catalogue: practices whose content hash changed (or that
 * are new) are read again and replace their old text; practices no longer published leave.
 * Only what changed travels, so a publication costs one practice, not the catalogue; when the
 * index is at the version the snapshot was updated from, only the practices of that update are
 * even compared.
 */
async function sync(db: Database, index: TextIndex, indexVersion: number, snap: CatalogueSnapshot): Promise<void> {
  const candidates =
    snap.delta && snap.delta.fromVersion === indexVersion ? snap.delta.seqs : [...index.seqs(), ...Array.from(snap.allRows, (i) => snap.seqs[i])];
  const changed: number[] = [];
  for (const seq of new Set(candidates)) {
    const row = rowOfSeq(snap, seq);
    if (row < 0) index.remove(seq);
    else if (index.hashOf(seq) !== snap.hashes[row]) changed.push(seq);
  }
  for (let at = 0; at < changed.length; at += chunk) {
    for (const row of await practiceTexts(db, changed.slice(at, at + chunk))) index.put(searchDocument(row));
  }
}

/**
 * The in-memory text index of a database, up to date with the snapshot's catalogue version:
 * built on first use, then kept current by syncing what changed; concurrent requests share
 * one sync, and syncs run one after another.
 * @example const index = await textIndexFor(db, await currentSnapshot(db));
 */
export async function textIndexFor(db: Database, snap: CatalogueSnapshot): Promise<TextIndex> {
  let state = states.get(db);
  if (!state) {
    const index = new TextIndex();
    state = { index, version: -1, running: Promise.resolve(index) };
    states.set(db, state);
  }
  const current = state;
  if (current.version >= snap.version) return current.index;
  current.running = current.running
    .catch(() => current.index)
    .then(async () => {
      if (current.version >= snap.version) return current.index;
      await sync(db, current.index, current.version, snap);
      current.version = snap.version;
      return current.index;
    });
  return current.running;
}
