import { type Context, Hono } from 'hono';
import { recordDiff } from '../history/record-diff.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { AppError, notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { brokenLinksOf } from '../link-check/link-check.repo.ts';
import { draftFromValues, valuesFromRecord } from '../practice-form/practice-form.convert.ts';
import { formSteps } from '../practice-form/practice-form.fields.ts';
import { readStoredPractice } from '../practices/stored-practice.repo.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { editorRoles } from '../security/roles.ts';
import { conflictingVersions, editErrors, editPractice } from './edit-practice.command.ts';
import { editExtras } from './practice-edit.schema.ts';
import { type EditPageProps, PracticeEditPage } from './views/practice-edit-page.tsx';

const path = '/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/edit';

/** GET and POST /practices/{id}/edit: editors and admins change a published practice. */
export function practiceEditRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The edit page (per person: never cached). */
  const page = (c: Context<AppEnv>, props: EditPageProps, status: 200 | 400 | 409 = 200) => {
    return privatePage(c, <PracticeEditPage {...props} />, status);
  };

  app.get(path, role(...editorRoles), async (c) => {
    const account = signedInAccount(c);
    const id = c.req.param('id');
    const stored = await readStoredPractice(db, id);
    if (!stored) throw notFound(`practice "${id}" does not exist`);
    const brokenLinks = await brokenLinksOf(db, 'practice', id);
    const props = {
      id,
      title: stored.record.title,
      values: valuesFromRecord(stored.record),
      base: stored.contentHash,
      message: '',
      csrf: account.csrfToken,
      brokenLinks,
    };
    return page(c, props);
  });

  app.post(path, role(...editorRoles), async (c) => {
    const account = signedInAccount(c);
    const id = c.req.param('id');
    const values = await postedForm(c);
    const { base, message, intent } = editExtras.parse(values);
    const stored = await readStoredPractice(db, id);
    if (!stored) throw notFound(`practice "${id}" does not exist`);
    const props = { id, title: stored.record.title, values, base, message, csrf: account.csrfToken };

    if (intent === 'preview') {
      return page(c, { ...props, preview: true, errors: draftFromValues(values, formSteps).errors });
    }
    const input = { id, values, base, message };
    try {
      const outcome = await editPractice(db, input, {
        name: account.name,
        userId: account.userId,
        role: account.role,
        ip: clientAddress(c, config.TRUST_PROXY),
      });
      return outcome === 'unchanged' ? page(c, { ...props, notice: 'edit.notice.unchanged' }) : seeOther(c, `/practices/${id}`);
    } catch (error) {
      const errors = editErrors(error);
      if (errors) return page(c, { ...props, errors }, 400);
      const versions = error instanceof AppError && error.code === 'conflict' ? await conflictingVersions(db, input) : undefined;
      if (!versions) throw error;
      const diffs = recordDiff(versions.stored, versions.mine, c.get('i18n'));
      // The form keeps what this editor typed, now based on the stored version, so saving again is a deliberate merge.
      return page(c, { ...props, title: versions.stored.title, base: versions.base, conflict: { diffs, lang: versions.mine.language } }, 409);
    }
  });

  return app;
}
