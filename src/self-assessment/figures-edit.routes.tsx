import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { CityRow } from '../cities/city.repo.ts';
import { figuresOfCity } from '../cities/figure.repo.ts';
import { figureInputSchema } from '../cities/figure.schema.ts';
import { figureIndicator } from '../cities/figure-indicators.ts';
import { recordFigures } from '../cities/record-figures.command.ts';
import { removeFigure } from '../cities/remove-figure.command.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { type FieldErrors, type FormValues, firstValue } from '../shared/form-values.ts';
import { cityLabel } from '../views/labels.ts';
import { representedCity } from './represented-city.ts';
import { FiguresEditPage } from './views/figures-edit-page.tsx';

const city = '/cities/:country{[a-z][a-z]}/:slug';
const path = `${city}/figures/edit`;

/** What a remove button posts: the indicator and year of the figure. */
const removalSchema = z.object({
  indicator: z.string().refine((code) => figureIndicator(code) !== undefined),
  year: z.coerce.number().int().min(1800).max(2200),
});

/**
 * GET and POST /cities/{country}/{slug}/figures/edit: the city's representatives record its
 * yearly figures one at a time (the operator's CSV import records many at once). Each change is
 * a revision with its author and an audit entry. POST /cities/{country}/{slug}/figures/remove
 * removes one, kept the same way.
 */
export function figuresEditRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const actorOf = (c: Context<AppEnv>) => {
    const account = signedInAccount(c);
    return { userId: account.userId, name: account.name, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const place = (c: Context<AppEnv>) => ({ country: (c.req.param('country') ?? '').toUpperCase(), slug: c.req.param('slug') ?? '' });
  const page = async (c: Context<AppEnv>, row: CityRow, values: FormValues, extra: { errors?: FieldErrors; notice?: string } = {}, status: 200 | 400 = 200) =>
    privatePage(
      c,
      <FiguresEditPage
        city={{ country: row.country, slug: row.slug, name: cityLabel(c.get('i18n'), row.country, row.name) }}
        values={values}
        csrf={signedInAccount(c).csrfToken}
        recorded={await figuresOfCity(db, row.country, row.slug)}
        {...extra}
      />,
      status,
    );
  const notices: Record<string, string> = { saved: 'figures.edit.saved', removed: 'figures.edit.removed' };

  app.get(path, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const row = await representedCity(db, country, slug, actorOf(c));
    return page(c, row, {}, { notice: notices[c.req.query('done') ?? ''] });
  });

  app.post(path, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const actor = actorOf(c);
    const row = await representedCity(db, country, slug, actor);
    const values = await postedForm(c);
    const parsed = figureInputSchema.safeParse({
      country,
      indicator: firstValue(values.indicator) ?? '',
      year: firstValue(values.year) ?? '',
      value: firstValue(values.value) ?? '',
      source_name: firstValue(values.source_name) ?? '',
      source_url: firstValue(values.source_url) ?? '',
      basis: firstValue(values.basis) ?? '',
      note: firstValue(values.note) ?? '',
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      // The schema speaks to files in words; the form shows them as they are.
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= `figures.edit.error.${String(issue.path[0] ?? 'form')}`;
      return page(c, row, values, { errors }, 400);
    }
    const f = parsed.data;
    await recordFigures(
      db,
      [
        {
          country: row.country,
          slug: row.slug,
          indicator: f.indicator,
          year: f.year,
          value: f.value,
          parts: f.parts,
          source_name: f.source_name,
          source_url: f.source_url ?? null,
          basis: f.basis ?? null,
          note: f.note ?? null,
        },
      ],
      { name: actor.name, userId: actor.userId, ip: actor.ip },
      { message: 'Recorded by a representative' },
    );
    return seeOther(c, `/cities/${row.country.toLowerCase()}/${encodeURIComponent(row.slug)}/figures/edit?done=saved`);
  });

  app.post(`${city}/figures/remove`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const actor = actorOf(c);
    const row = await representedCity(db, country, slug, actor);
    const values = await postedForm(c);
    const parsed = removalSchema.safeParse({ indicator: firstValue(values.indicator) ?? '', year: firstValue(values.year) ?? '' });
    if (!parsed.success) return page(c, row, {}, { errors: { form: 'figures.edit.error.remove' } }, 400);
    await removeFigure(
      db,
      { country: row.country, slug: row.slug, indicator: parsed.data.indicator, year: parsed.data.year },
      { name: actor.name, userId: actor.userId, ip: actor.ip },
      'Removed by a representative',
    );
    return seeOther(c, `/cities/${row.country.toLowerCase()}/${encodeURIComponent(row.slug)}/figures/edit?done=removed`);
  });

  return app;
}
