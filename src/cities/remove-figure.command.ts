import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { clearCitySummaryWithout, deleteFigure, findFigure, insertFigureRevision, syncCitySummary } from './figure.repo.ts';
import type { PlacedFigure } from './figure.schema.ts';
import type { FigureAuthor } from './record-figures.command.ts';

/**
 * Removes one recorded figure of a city or a country (a figure typed for the wrong year or
 * indicator), keeping a revision with what it said and who removed it, and an audit entry; the
 * city's own latest population and share born abroad follow (cleared when none is left). A 404
 * when there is no such figure.
 * @example await removeFigure(db, { country: 'DE', slug: 'berlin', indicator: 'employment-rate-gap', year: 2020 }, author);
 */
export async function removeFigure(
  db: Database,
  figure: Pick<PlacedFigure, 'country' | 'slug' | 'indicator' | 'year'>,
  author: FigureAuthor,
  message = 'Removed',
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findFigure(trx, figure);
    if (!before || !(await deleteFigure(trx, figure)))
      throw notFound(
        `no figure of ${figure.indicator} for ${figure.year} in ${figure.slug ? `${figure.country.toLowerCase()}/${figure.slug}` : figure.country}`,
      );
    await insertFigureRevision(trx, figure, { before, after: undefined, author: author.name, authorId: author.userId, message });
    if (figure.slug !== null) {
      await syncCitySummary(trx, figure.country, figure.slug);
      await clearCitySummaryWithout(trx, figure.country, figure.slug, figure.indicator);
    }
    await recordAudit(trx, {
      action: 'figures',
      actorUserId: author.userId,
      target: figure.slug ? `${figure.country.toLowerCase()}/${figure.slug}` : figure.country,
      ip: author.ip ?? null,
      details: { removed: 1, indicator: figure.indicator, year: figure.year, message, author: author.name },
    });
  });
}
