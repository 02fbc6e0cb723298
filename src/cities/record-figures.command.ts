import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { type FigureContent, findFigure, insertFigureRevision, syncCitySummary, upsertFigure } from './figure.repo.ts';
import type { PlacedFigure } from './figure.schema.ts';
import { partsText } from './figure-parts.ts';

/** Who records figures, and from where (for the revisions and the audit log). */
export interface FigureAuthor {
  name: string;
  userId: number | null;
  ip?: string | null;
}

/** What recording figures did: new figures, changed ones, and those already recorded as given. */
export interface FiguresSummary {
  created: number;
  updated: number;
  unchanged: number;
}

const sameContent = (a: FigureContent, b: FigureContent) =>
  a.value === b.value &&
  // Pairs compared as text: jsonb keeps an object's keys in its own order.
  (a.parts === null) === (b.parts === null) &&
  partsText(a.parts ?? []) === partsText(b.parts ?? []) &&
  a.source_name === b.source_name &&
  a.source_url === b.source_url &&
  a.basis === b.basis &&
  a.note === b.note;

/**
 * Records city and country figures in one transaction: each new or changed figure replaces the
 * one of its place, indicator and year and keeps a revision (before and after, by whom); an
 * identical one is left alone. The cities' own latest population and share born abroad follow,
 * and one audit entry says what was done. `example` marks figures that are demo data.
 * @example await recordFigures(db, figures, { name: 'cli:ana', userId: null }, { message: 'Import of figures.csv' });
 */
export async function recordFigures(
  db: Database,
  figures: PlacedFigure[],
  author: FigureAuthor,
  options: { message: string; example?: boolean },
): Promise<FiguresSummary> {
  const summary: FiguresSummary = { created: 0, updated: 0, unchanged: 0 };
  if (figures.length === 0) return summary;
  await db.transaction().execute(async (trx) => {
    const cities = new Map<string, { country: string; slug: string }>();
    for (const f of figures) {
      const before = await findFigure(trx, f);
      if (before && sameContent(before, f)) {
        summary.unchanged++;
        continue;
      }
      await upsertFigure(trx, f, author.userId, options.example ?? false);
      const after = { value: f.value, parts: f.parts, source_name: f.source_name, source_url: f.source_url, basis: f.basis, note: f.note };
      await insertFigureRevision(trx, f, { before, after, author: author.name, authorId: author.userId, message: options.message });
      if (before) summary.updated++;
      else summary.created++;
      if (f.slug !== null) cities.set(`${f.country}/${f.slug}`, { country: f.country, slug: f.slug });
    }
    for (const c of cities.values()) await syncCitySummary(trx, c.country, c.slug);
    if (summary.created + summary.updated > 0) {
      await recordAudit(trx, {
        action: 'figures',
        actorUserId: author.userId,
        target: [...new Set(figures.map((f) => (f.slug ? `${f.country.toLowerCase()}/${f.slug}` : f.country)))].slice(0, 20).join(', '),
        ip: author.ip ?? null,
        details: { ...summary, message: options.message, author: author.name },
      });
    }
  });
  return summary;
}
