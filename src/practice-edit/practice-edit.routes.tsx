import { type Context, Hono } from 'hono';
import { editorRoles, requireRole } from '../accounts/access-policy.ts';
import { postedForm, privatePage, seeOther } from '../accounts/route-helpers.ts';
import { recordDiff } from '../history/record-diff.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { draftFromValues, valuesFromRecord } from '../practice-form/practice-form.convert.ts';
import { formSteps } from '../practice-form/practice-form.fields.ts';
import { clientAddress } from '../security/client-address.ts';
import { editExtras } from './practice-edit.schema.ts';
import { saveEdit } from './practice-edit.service.ts';
import { readStoredPractice } from './stored-practice.repo.ts';
import { type EditPageProps, PracticeEditPage } from './views/practice-edit-page.tsx';

const path = '/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/edit';

/** GET and POST /practices/{id}/edit: editors and admins change a published practice. */
export function practiceEditRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The edit page (per person: never cached). */
  const page = (c: Context<AppEnv>, props: EditPageProps, status: 200 | 400 | 409 = 200) => {
    return privatePage(c, <PracticeEditPage {...props} />, status);
  };

  app.get(path, async (c) => {
    const { account, redirect } = requireRole(c, editorRoles);
    if (!account) return redirect;
    const id = c.req.param('id');
    const stored = await readStoredPractice(db, id);
    if (!stored) throw notFound(`practice "${id}" does not exist`);
    const props = { id, title: stored.record.title, values: valuesFromRecord(stored.record), base: stored.contentHash, message: '', csrf: account.csrfToken };
    return page(c, props);
  });

  app.post(path, async (c) => {
    const { account, redirect } = requireRole(c, editorRoles);
    if (!account) return redirect;
    const id = c.req.param('id');
    const values = await postedForm(c);
    const { base, message, intent } = editExtras.parse(values);
    const stored = await readStoredPractice(db, id);
    if (!stored) throw notFound(`practice "${id}" does not exist`);
    const props = { id, title: stored.record.title, values, base, message, csrf: account.csrfToken };

    if (intent === 'preview') {
      return page(c, { ...props, preview: true, errors: draftFromValues(values, formSteps).errors });
    }
    const outcome = await saveEdit(db, { id, values, base, message }, { name: account.name, userId: account.userId, ip: clientAddress(c, config.TRUST_PROXY) });
    switch (outcome.kind) {
      case 'not_found':
        throw notFound(`practice "${id}" does not exist`);
      case 'invalid':
        return page(c, { ...props, errors: outcome.errors }, 400);
      case 'unchanged':
        return page(c, { ...props, notice: 'edit.notice.unchanged' });
      case 'conflict': {
        const diffs = recordDiff(outcome.stored, outcome.mine, c.get('i18n'));
        // The form keeps what this editor typed, now based on the stored version, so saving again is a deliberate merge.
        return page(c, { ...props, title: outcome.stored.title, base: outcome.base, conflict: { diffs, lang: outcome.mine.language } }, 409);
      }
      case 'saved':
        return seeOther(c, `/practices/${id}`);
    }
  });

  return app;
}
