import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { CityRow } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import { framework } from '../framework/framework.ts';
import type { AppDeps, AppEnv, SessionAccount } from '../http/app-env.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { type FormValues, firstValue } from '../shared/form-values.ts';
import { isStorableText } from '../shared/storable-text.ts';
import { cityLabel } from '../views/labels.ts';
import { answerField, evidenceField, noteField, readDimensionAnswers } from './assessment-answers.schema.ts';
import { loadScorePage } from './assessment-score.service.ts';
import { choosePeers } from './choose-peers.command.ts';
import { chooseRecommendation } from './choose-recommendation.command.ts';
import { type AnswerRow, answersOf, findDraft, latestSnapshot } from './city-assessment.repo.ts';
import { openDraft } from './open-draft.command.ts';
import { outcomeSuggestions } from './outcome-suggestions.ts';
import { chosenPeers } from './peer-choice.repo.ts';
import { publishAssessment } from './publish-assessment.command.ts';
import { type AssessmentActor, representedCity } from './represented-city.ts';
import { saveDimensionAnswers } from './save-answers.command.ts';
import { AssessmentEditPage, editPath } from './views/assessment-edit-page.tsx';
import { AssessmentScorePage } from './views/assessment-score-page.tsx';
import { DimensionFormPage } from './views/dimension-form-page.tsx';

const city = '/cities/:country{[a-z][a-z]}/:slug';

/** The answers as the form shows them. */
function formOf(answers: Map<string, AnswerRow>): FormValues {
  const values: FormValues = {};
  for (const [code, a] of answers) {
    values[answerField(code)] = a.option ?? a.unanswered ?? '';
    values[evidenceField(code)] = a.evidence_url ?? '';
    values[noteField(code)] = a.note ?? '';
  }
  return values;
}

const publishForm = z.object({ version: z.coerce.number().int().min(1).max(1_000_000), visibility: z.enum(['public', 'private']) });
const recommendationForm = z.object({
  practice: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(200),
  choice: z.enum(['shortlisted', 'dismissed', 'clear']),
  snapshot: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
  ),
});
const snapshotQuery = z.object({
  snapshot: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
});

/**
 * A city's self-assessment: its representatives answer it dimension by dimension in a draft
 * (saved on every step, resumable, with optimistic locking between representatives) and publish
 * dated snapshots; anyone reads a public snapshot's scores at /cities/{country}/{slug}/assessment.
 */
export function cityAssessmentRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const actorOf = (c: Context<AppEnv>, account: SessionAccount): AssessmentActor => ({
    userId: account.userId,
    name: account.name,
    role: account.role,
    ip: clientAddress(c, config.TRUST_PROXY),
  });
  const place = (c: Context<AppEnv>) => ({ country: (c.req.param('country') ?? '').toUpperCase(), slug: c.req.param('slug') ?? '' });
  const dimensionIndex = (c: Context<AppEnv>) => {
    const code = c.req.param('dimension') ?? '';
    const index = framework.dimensions.findIndex((d) => d.code === code);
    if (index < 0) throw notFound(`no dimension "${code}" in the framework`);
    return index;
  };
  const shown = (c: Context<AppEnv>, row: CityRow) => ({ country: row.country, slug: row.slug, name: cityLabel(c.get('i18n'), row.country, row.name) });

  /** The overview of the draft, or the button that opens one. */
  const overview = async (
    c: Context<AppEnv>,
    database: Database,
    row: CityRow,
    extra: { errors?: Record<string, string>; notice?: string; peers?: string } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const account = signedInAccount(c);
    const [draft, last, peers] = await Promise.all([
      findDraft(database, row.country, row.slug),
      latestSnapshot(database, row.country, row.slug),
      chosenPeers(database, row.country, row.slug),
    ]);
    const answers: Map<string, AnswerRow> = draft ? await answersOf(database, String(draft.id)) : new Map();
    // Coverage as the scores will count it: a question is answered by one of its options, not by "don't know".
    const progress = framework.dimensions.map((d) => ({
      code: d.code,
      answered: d.questions.filter((q) => (answers.get(q.code)?.option ?? null) !== null).length,
      total: d.questions.length,
    }));
    return privatePage(
      c,
      <AssessmentEditPage
        city={shown(c, row)}
        draft={draft ? { version: draft.version, progress } : undefined}
        lastPublished={last?.published_at ?? undefined}
        csrf={account.csrfToken}
        {...extra}
        peers={extra.peers ?? peers.map((p) => `${p.country.toLowerCase()}/${p.slug}`).join(' ')}
      />,
      status,
    );
  };

  app.get(`${city}/assessment/edit`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const row = await representedCity(db, country, slug, actorOf(c, signedInAccount(c)));
    const done = c.req.query('done');
    return overview(c, db, row, { notice: done === 'saved' ? 'sa.edit.notice.saved' : done === 'peers' ? 'sa.edit.peers.saved' : undefined });
  });

  app.post(`${city}/assessment/edit`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    await openDraft(db, country, slug, actorOf(c, signedInAccount(c)));
    return seeOther(c, `${editPath({ country, slug })}/${framework.dimensions[0].code}`);
  });

  app.get(`${city}/assessment/edit/:dimension`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const account = signedInAccount(c);
    const row = await representedCity(db, country, slug, actorOf(c, account));
    const index = dimensionIndex(c);
    const draft = await findDraft(db, country, slug);
    if (!draft) return seeOther(c, editPath({ country, slug }));
    const dimension = framework.dimensions[index];
    const [answers, suggested] = await Promise.all([answersOf(db, String(draft.id)), outcomeSuggestions(db, row, dimension, new Date())]);
    return privatePage(
      c,
      <DimensionFormPage
        city={shown(c, row)}
        dimension={dimension}
        position={index + 1}
        count={framework.dimensions.length}
        values={formOf(answers)}
        version={draft.version}
        csrf={account.csrfToken}
        notice={c.req.query('done') === 'saved' ? 'sa.edit.notice.saved' : undefined}
        suggestions={{ items: suggested, preselect: true }}
      />,
    );
  });

  app.post(`${city}/assessment/edit/:dimension`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const account = signedInAccount(c);
    const actor = actorOf(c, account);
    const row = await representedCity(db, country, slug, actor);
    const index = dimensionIndex(c);
    const dimension = framework.dimensions[index];
    const values = await postedForm(c);
    const base = editPath({ country, slug });
    // Posted back, what was typed wins: the figures' suggestions are shown, never preselected.
    const page = async (props: { errors?: Record<string, string>; saved?: FormValues; version: number }, status: 400 | 409) =>
      privatePage(
        c,
        <DimensionFormPage
          city={shown(c, row)}
          dimension={dimension}
          position={index + 1}
          count={framework.dimensions.length}
          values={values}
          csrf={account.csrfToken}
          suggestions={{ items: await outcomeSuggestions(db, row, dimension, new Date()), preselect: false }}
          {...props}
        />,
        status,
      );
    const read = readDimensionAnswers(dimension, values);
    const postedVersion = Number(firstValue(values.version)) || 1;
    if ('errors' in read) return page({ errors: read.errors, version: postedVersion }, 400);
    try {
      await saveDimensionAnswers(db, country, slug, dimension, read, actor);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
      // Saved by someone else meanwhile: what this person typed stays in the form, beside what is saved now.
      const draft = await findDraft(db, country, slug);
      if (!draft) return seeOther(c, base);
      return page({ saved: formOf(await answersOf(db, String(draft.id))), version: draft.version }, 409);
    }
    const next = framework.dimensions[index + 1];
    if (values.intent === 'stay') return seeOther(c, `${base}/${dimension.code}?done=saved`);
    return seeOther(c, next ? `${base}/${next.code}` : `${base}?done=saved#publish`);
  });

  app.post(`${city}/assessment/peers`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const actor = actorOf(c, signedInAccount(c));
    const row = await representedCity(db, country, slug, actor);
    const values = await postedForm(c);
    const typed = firstValue(values.peers) ?? '';
    if (!isStorableText(typed) || typed.length > 2000) return overview(c, db, row, { errors: { peers: 'sa.edit.peers.error' }, peers: typed }, 400);
    try {
      await choosePeers(db, country, slug, typed, actor);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'bad_request') throw e;
      return overview(c, db, row, { errors: { peers: 'sa.edit.peers.error' }, peers: typed }, 400);
    }
    return seeOther(c, `${editPath({ country, slug })}?done=peers#peers`);
  });

  app.post(`${city}/assessment/publish`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const actor = actorOf(c, signedInAccount(c));
    const row = await representedCity(db, country, slug, actor);
    const parsed = publishForm.safeParse(await postedForm(c));
    if (!parsed.success) return overview(c, db, row, { errors: { visibility: 'form.error.choice' } }, 400);
    try {
      const id = await publishAssessment(db, country, slug, parsed.data, actor);
      return seeOther(c, `/cities/${country.toLowerCase()}/${encodeURIComponent(slug)}/assessment?snapshot=${id}`);
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'conflict' && e.code !== 'bad_request')) throw e;
      const key = e.code === 'conflict' ? 'sa.edit.publish.conflict' : 'sa.edit.publish.empty';
      return overview(c, db, row, { errors: { form: key } }, e.code === 'conflict' ? 409 : 400);
    }
  });

  app.post(`${city}/assessment/recommendations`, signedIn(), async (c) => {
    const { country, slug } = place(c);
    const parsed = recommendationForm.safeParse(await postedForm(c));
    if (!parsed.success) throw badRequest('choose a practice and what to do with it');
    const { practice, choice, snapshot } = parsed.data;
    await chooseRecommendation(db, country, slug, practice, choice === 'clear' ? null : choice, actorOf(c, signedInAccount(c)));
    return seeOther(c, `/cities/${country.toLowerCase()}/${encodeURIComponent(slug)}/assessment${snapshot ? `?snapshot=${snapshot}` : ''}#recommendations`);
  });

  app.get(`${city}/assessment`, async (c) => {
    const { country, slug } = place(c);
    const query = snapshotQuery.safeParse({ snapshot: c.req.query('snapshot') });
    if (!query.success) throw notFound('no such snapshot');
    const account = c.get('account');
    const data = await loadScorePage(db, country, slug, query.data.snapshot, account, c.get('i18n').locale);
    data.city.name = cityLabel(c.get('i18n'), data.city.country, data.city.name);
    if (account && data.canAnswer) data.csrf = account.csrfToken;
    // A private snapshot, or the links a representative sees, are that reader's page.
    if (account) c.header('cache-control', 'private, no-store');
    return renderPage(c, <AssessmentScorePage data={data} />);
  });

  return app;
}
