import { type Context, Hono } from 'hono';
import type { AppEnv, ContributionDeps, SessionAccount } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { exportLicense } from '../practices/export/exchange-json.ts';
import { findPublishedPractice } from '../practices/practice.repo.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { clientAddress } from '../security/client-address.ts';
import { signedIn, signedInAccount } from '../security/guards.ts';
import { randomToken } from '../security/tokens.ts';
import { renderMarkdown } from '../shared/markdown.ts';
import { isoLanguages } from './iso-languages.ts';
import { findOpenTranslation, findSubmission, type Submission } from './submission.repo.ts';
import { licenseConsent, practiceId, translationForm } from './submit.schema.ts';
import { mySubmissionsPath } from './submit-paths.ts';
import { sendTranslation } from './translation.service.ts';
import { consentField } from './views/license-consent.tsx';
import { type TranslatedPractice, TranslatePage, type TranslationValues } from './views/translate-page.tsx';

/** A published practice's record, or a 404. */
async function publishedRecord(deps: ContributionDeps, id: string): Promise<PracticeRecord> {
  const parsed = practiceId.safeParse(id);
  const found = parsed.success ? await findPublishedPractice(deps.db, parsed.data) : undefined;
  if (!found) throw notFound();
  return found.record;
}

/** The texts the translation form starts from: the person's own translation being revised, else the published one. */
function startingValues(record: PracticeRecord, lang: string, open: Submission | undefined): TranslationValues {
  const from = (open?.data ?? record.translations?.[lang] ?? {}) as Partial<TranslationValues>;
  // The consent is asked for at every sending, as on the practice form's read-back page.
  return { title: from.title ?? '', summary: from.summary ?? '', body: from.body ?? '', machine: from.machine === true, consent: false };
}

/** The first message key per field of a failed parse. */
function errorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? 'form');
    errors[name === 'request_key' || name === 'submission' || name === 'version' ? 'form' : name] ??= /^(submissions|form)\./.test(issue.message)
      ? issue.message
      : 'submissions.translate.error.form';
  }
  return errors;
}

type PageProps = Omit<Parameters<typeof TranslatePage>[0], 'practice' | 'csrf'>;

/** Renders the form (a per-person page: never cached). */
function page(c: Context<AppEnv>, record: PracticeRecord, props: PageProps, account: SessionAccount, status: 200 | 400 | 409 = 200) {
  const practice: TranslatedPractice = {
    id: c.req.param('id') ?? '',
    title: record.title,
    summary: record.summary,
    body: record.body,
    language: record.language,
  };
  return privatePage(c, <TranslatePage practice={practice} csrf={account.csrfToken} {...props} />, status);
}

/**
 * The language asked for in ?lang= (by default the interface language, when the practice is not
 * written in it), when it is one a translation can be in; else the message that says why not.
 */
function chosenLanguage(c: Context<AppEnv>, record: PracticeRecord): { lang?: string; langError?: string } {
  const asked = c.req.query('lang');
  const candidate = asked ?? (c.get('i18n').locale !== record.language ? c.get('i18n').locale : undefined);
  const valid = candidate !== undefined && isoLanguages.includes(candidate) && candidate !== record.language;
  const langError =
    asked === undefined || valid ? undefined : asked === record.language ? 'submissions.translate.error.same' : 'submissions.translate.error.language';
  return { lang: valid ? candidate : undefined, langError };
}

/** GET: the language chooser, and the form for the chosen language pre-filled from what there is. */
function registerTranslateForm(app: Hono<AppEnv>, deps: ContributionDeps): void {
  app.get('/practices/:id/translate', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const record = await publishedRecord(deps, c.req.param('id'));
    const { lang, langError } = chosenLanguage(c, record);
    const open = lang ? await findOpenTranslation(deps.db, account.userId, c.req.param('id'), lang) : undefined;
    const values = lang ? startingValues(record, lang, open) : { title: '', summary: '', body: '', machine: false, consent: false };
    return page(
      c,
      record,
      {
        lang,
        langError,
        values,
        requestKey: randomToken(),
        revising: open ? { id: open.id, version: open.version, message: open.decisionMessage } : undefined,
        existing: !!(lang && record.translations?.[lang]),
      },
      account,
      langError ? 400 : 200,
    );
  });
}

/** The translation's long text as it will read, for the preview. */
const previewOf = (typed: TranslationValues) => (typed.body.trim() ? renderMarkdown(typed.body, { topHeading: 4 }) : undefined);

/** POST: previews the translation, or sends it to review (again, when revising one sent back). */
function registerTranslateSend(app: Hono<AppEnv>, deps: ContributionDeps): void {
  app.post('/practices/:id/translate', signedIn(), async (c) => {
    const account = signedInAccount(c);
    const id = c.req.param('id');
    const record = await publishedRecord(deps, id);
    const values = await postedForm(c);
    const one = (name: string) => [values[name] ?? ''].flat()[0] ?? '';
    const consented = licenseConsent.safeParse(one(consentField)).success;
    const typed: TranslationValues = { title: one('title'), summary: one('summary'), body: one('body'), machine: one('machine') === 'on', consent: consented };
    const parsed = translationForm.safeParse(values);
    const lang = one('lang');
    const errors = parsed.success ? {} : errorsOf(parsed.error.issues);
    if (lang === record.language) errors.lang = 'submissions.translate.error.same';
    // Sending needs consent to publish under the collection's licence; a preview does not.
    if (one('action') !== 'preview' && !consented) errors[consentField] = 'license.consent.required';
    const submissionId = parsed.success && parsed.data.submission ? parsed.data.submission : undefined;
    const version = parsed.success && parsed.data.version ? parsed.data.version : undefined;
    const revising = submissionId && version ? { id: submissionId, version } : undefined;
    const show = (status: 200 | 400 | 409, extra: { preview?: string; conflict?: boolean } = {}) => {
      const langOk = isoLanguages.includes(lang) && lang !== record.language;
      return page(
        c,
        record,
        {
          lang: langOk ? lang : undefined,
          langError: langOk ? undefined : (errors.lang ?? 'submissions.translate.error.language'),
          values: typed,
          errors: Object.keys(errors).length ? errors : undefined,
          requestKey: one('request_key') || randomToken(),
          revising: revising ? { ...revising, message: null } : undefined,
          existing: false,
          ...extra,
        },
        account,
        status,
      );
    };
    if (!parsed.success || Object.keys(errors).length > 0) return show(400);
    if (one('action') === 'preview') return show(200, { preview: previewOf(typed) });
    const sent = await sendTranslation(deps, account, {
      practiceId: id,
      language: lang,
      form: parsed.data,
      license: exportLicense,
      ip: clientAddress(c, deps.config.TRUST_PROXY),
      revise: revising,
    });
    if (!sent && revising) {
      // Another tab changed it first: keep this input, and let a second press replace that version.
      revising.version = (await findSubmission(deps.db, revising.id))?.version ?? revising.version;
      return show(409, { conflict: true });
    }
    return seeOther(c, mySubmissionsPath('sent'));
  });
}

/** /practices/{id}/translate: add or improve a translation of a published practice; it goes to review. */
export function translateRoutes(deps: ContributionDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  registerTranslateForm(app, deps);
  registerTranslateSend(app, deps);
  return app;
}
