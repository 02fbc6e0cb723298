import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { AppError, notFound, rateLimited } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { consumeRate } from '../security/rate-limit.ts';
import { cityContexts } from '../self-assessment/recommendation.repo.ts';
import { citiesRepresentedBy } from '../self-assessment/representative.repo.ts';
import { type FieldErrors, type FormValues, firstValue } from '../shared/form-values.ts';
import { readFormValues } from '../shared/read-form.ts';
import { answerExchange } from './answer-exchange.command.ts';
import { askExchange } from './ask-exchange.command.ts';
import { cityAddressees, type ExchangeCity, exchangeCity, exchangesOfPerson, practicePlace } from './exchange.repo.ts';
import { askForm, cityKey, cityKeyText, decideForm, exchangeIdParam, outcomeForm } from './exchange.schema.ts';
import { linkOutcome } from './link-outcome.command.ts';
import { suggestPartners } from './partner-suggestions.ts';
import { ExchangeFormPage } from './views/exchange-form-page.tsx';
import { ExchangesPage, type RefusedExchangeForm } from './views/exchanges-page.tsx';
import { PartnersPage } from './views/partners-page.tsx';

/** The notice /exchanges shows after each of its forms (`?done=`). */
const notices: Record<string, string> = {
  asked: 'exchanges.notice.asked',
  waiting: 'exchanges.notice.waiting',
  accepted: 'exchanges.notice.accepted',
  declined: 'exchanges.notice.declined',
  withdrawn: 'exchanges.notice.withdrawn',
  linked: 'exchanges.notice.linked',
};

/** Requests one person may send in a day: enough for any city's work, too few to flood representatives' mailboxes. */
const asksPerDay = { limit: 10, windowSeconds: 24 * 3600 };

/** The message keys of the form's fields a refused command names. */
const fieldErrorsOf = (e: unknown): FieldErrors | undefined =>
  e instanceof AppError && e.code === 'bad_request' && e.fields?.length ? Object.fromEntries(e.fields.map((f) => [f.path, f.message])) : undefined;

/** Plain strings of a posted form, for showing it again. */
const textValues = (values: FormValues): Record<string, string> => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, firstValue(v) ?? '']));

/**
 * City-to-city exchanges: GET /exchange (partner cities suggested for a city one represents,
 * with the reasons), GET /exchanges/new (the request form) and POST /exchanges, GET /exchanges
 * (one's incoming and outgoing requests), and POST /exchanges/{id}/decide (the asked city's
 * representatives), …/withdraw (the asker) and …/practice (the practice that came out of it).
 */
export function exchangeRoutes({ db, config }: Pick<AppDeps, 'db' | 'config'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const actor = (c: Context<AppEnv>) => {
    const account = signedInAccount(c);
    return { userId: account.userId, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
  };
  const deps = { db, publicUrl: config.publicUrl };
  const represented = async (userId: number): Promise<ExchangeCity[]> => (await citiesRepresentedBy(db, [userId])).get(userId) ?? [];

  /** The request form's data for asking `to`: the cities one may ask from (those one represents, else every recorded city). */
  const formData = async (c: Context<AppEnv>, to: ExchangeCity, practiceId: string | undefined, values: Record<string, string>, errors?: FieldErrors) => {
    const account = signedInAccount(c);
    const [mine, addressees, practice] = await Promise.all([
      represented(account.userId),
      cityAddressees(db, to),
      practiceId ? practicePlace(db, practiceId) : undefined,
    ]);
    const others = (cs: ExchangeCity[]) => cs.filter((x) => cityKeyText(x) !== cityKeyText(to));
    const fromChoices = mine.length
      ? others(mine)
      : others((await cityContexts(db)).map(({ country, slug, name }) => ({ country, slug, name }))).sort((a, b) =>
          `${a.country} ${a.name}`.localeCompare(`${b.country} ${b.name}`),
        );
    return {
      to,
      fromChoices,
      represents: mine.length > 0,
      representatives: addressees.filter((a) => a.id !== account.userId).length,
      practice: practice ? { id: practice.id, title: practice.title } : undefined,
      values,
      errors,
      csrf: account.csrfToken,
    };
  };

  app.get('/exchange', signedIn(), async (c) => {
    const cities = await represented(signedInAccount(c).userId);
    const asked = cityKey(c.req.query('city'));
    const city = (asked && cities.find((x) => cityKeyText(x) === cityKeyText(asked))) || cities[0];
    const suggestions = city ? await suggestPartners(db, city, c.get('i18n').locale) : [];
    return privatePage(c, <PartnersPage data={{ cities, city, suggestions }} />);
  });

  app.get('/exchanges/new', signedIn(), async (c) => {
    const key = cityKey(c.req.query('to'));
    const to = key && (await exchangeCity(db, key));
    if (!to) throw notFound('no such city to ask');
    const practice = c.req.query('practice');
    const data = await formData(c, to, practice, { from: c.req.query('from') ?? '' });
    return privatePage(c, <ExchangeFormPage data={data} />);
  });

  app.post('/exchanges', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const values = await postedForm(c);
    const key = cityKey(firstValue(values.to));
    const to = key && (await exchangeCity(db, key));
    if (!to) throw notFound('no such city to ask');
    const practice = firstValue(values.practice) || undefined;
    const refuse = async (errors: FieldErrors) => privatePage(c, <ExchangeFormPage data={await formData(c, to, practice, textValues(values), errors)} />, 400);
    const form = readFormValues(askForm, values, ['exchanges.', 'form.'], 'exchanges.form.invalid');
    if (!form.ok) return refuse(form.errors);
    if (!(await consumeRate(db, `exchange-ask:user:${account.userId}`, asksPerDay)).allowed) throw rateLimited('too many exchange requests today');
    try {
      const { addressed } = await askExchange(deps, { ...form.data, practiceId: form.data.practice }, actor(c));
      return seeOther(c, `/exchanges?done=${addressed > 0 ? 'asked' : 'waiting'}`);
    } catch (e) {
      const errors = fieldErrorsOf(e);
      if (errors) return refuse(errors);
      throw e;
    }
  });

  /** /exchanges, with a notice or one exchange's refused form shown again. */
  const listPage = async (c: Context<AppEnv>, refused?: RefusedExchangeForm) => {
    const account = signedInAccount(c);
    const { incoming, outgoing } = await exchangesOfPerson(db, account.userId);
    const notice = notices[c.req.query('done') ?? ''];
    return privatePage(c, <ExchangesPage data={{ incoming, outgoing, csrf: account.csrfToken, notice, refused }} />, refused ? 400 : 200);
  };
  app.get('/exchanges', signedIn(), (c) => listPage(c));

  const exchangeId = (c: Context<AppEnv>) => {
    const id = exchangeIdParam(c.req.param('id') ?? '');
    if (id === undefined) throw notFound('no such exchange');
    return id;
  };

  app.post('/exchanges/:id/decide', signedIn(), async (c) => {
    const id = exchangeId(c);
    const values = await postedForm(c);
    const form = readFormValues(decideForm, values, ['exchanges.', 'form.'], 'exchanges.form.invalid');
    if (!form.ok) return listPage(c, { id, values: textValues(values), errors: form.errors });
    await answerExchange(deps, id, form.data, actor(c));
    return seeOther(c, `/exchanges?done=${form.data.outcome}`);
  });

  app.post('/exchanges/:id/withdraw', signedIn(), async (c) => {
    await answerExchange(deps, exchangeId(c), { outcome: 'withdrawn' }, actor(c));
    return seeOther(c, '/exchanges?done=withdrawn');
  });

  app.post('/exchanges/:id/practice', signedIn(), async (c) => {
    const id = exchangeId(c);
    const values = await postedForm(c);
    const form = readFormValues(outcomeForm, values, ['exchanges.', 'form.'], 'exchanges.outcome.practice.invalid');
    if (!form.ok) return listPage(c, { id, values: textValues(values), errors: form.errors });
    try {
      await linkOutcome(db, id, form.data.practice, actor(c));
    } catch (e) {
      const errors = fieldErrorsOf(e);
      if (errors) return listPage(c, { id, values: textValues(values), errors });
      throw e;
    }
    return seeOther(c, '/exchanges?done=linked');
  });

  return app;
}
