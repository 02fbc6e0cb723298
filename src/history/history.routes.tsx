import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Database } from '../db/database.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { AppError, notFound } from '../http/errors.ts';
import { renderPage } from '../http/render.tsx';
import { seeOther } from '../http/responses.ts';
import type { FormErrors } from '../practice-form/practice-form.fields.ts';
import { readStoredPractice } from '../practices/stored-practice.repo.ts';
import { can } from '../security/authorize.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { editorRoles } from '../security/roles.ts';
import { historyPolicy } from './history.policy.ts';
import { compareQuery, historyQuery, restoreForm } from './history.schema.ts';
import { recordDiff } from './record-diff.ts';
import { restoreRevision } from './restore-revision.command.ts';
import { findRevision, listRevisions } from './revision.repo.ts';
import { ComparePage, type ComparePageProps } from './views/compare-page.tsx';
import { HistoryPage } from './views/history-page.tsx';

const practicePath = '/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/history';

/**
 * History pages are for people, not search engines: old versions would compete with the
 * practice page. Pages with a per-person form (an editor's restore button) are never cached.
 */
function historyPage(c: Context<AppEnv>, body: Child, status: 200 | 400 | 409 = 200) {
  c.header('x-robots-tag', 'noindex');
  if (c.get('account')) c.header('cache-control', 'private, no-store');
  return renderPage(c, body, status);
}

/** What a refused restore adds to the comparison it re-shows. */
interface ComparisonExtras {
  notice?: string;
  note?: string;
  restoreErrors?: FormErrors;
}

/** The stored practice or a 404. */
async function practiceOr404(db: Database, id: string) {
  const stored = await readStoredPractice(db, id);
  if (!stored) throw notFound(`practice "${id}" does not exist`);
  return stored;
}

/** GET history and comparison (public), POST restore (editors and admins). */
export function historyRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The comparison of two revisions; offers a restore to editors when one side is the current version. */
  const comparison = async (
    c: Context<AppEnv>,
    id: string,
    ids: { from?: number; to?: number },
    extras: ComparisonExtras = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const stored = await practiceOr404(db, id);
    const { rows } = await listRevisions(db, id, 1);
    const latest = rows[0];
    if (!latest) throw notFound(`practice "${id}" has no history`);
    // Nothing chosen: the latest against the one before. One side chosen: it against the current version.
    const fromId = ids.from ?? (ids.to === undefined ? (rows[1] ?? latest).id : latest.id);
    const [from, to] = await Promise.all([findRevision(db, id, fromId), findRevision(db, id, ids.to ?? latest.id)]);
    if (!from || !to) throw notFound(`no such revision of practice "${id}"`);
    const account = c.get('account');
    const older = from.id === latest.id ? to : to.id === latest.id ? from : undefined;
    const restore =
      account && can(account, historyPolicy.restore) && older && older.id !== latest.id
        ? { revision: older, base: stored.contentHash, csrf: account.csrfToken, note: extras.note, errors: extras.restoreErrors }
        : undefined;
    const props: ComparePageProps = {
      id,
      title: stored.record.title,
      lang: to.record.language,
      from,
      to,
      diffs: recordDiff(from.record, to.record, c.get('i18n')),
      restore,
      notice: extras.notice,
    };
    return historyPage(c, <ComparePage {...props} />, status);
  };

  app.get(practicePath, async (c) => {
    const id = c.req.param('id');
    const query = historyQuery.parse(c.req.query());
    const stored = await practiceOr404(db, id);
    const { rows, more } = await listRevisions(db, id, query.page);
    const notice = query.done ? `history.notice.${query.done}` : undefined;
    return historyPage(c, <HistoryPage id={id} title={stored.record.title} rows={rows} page={query.page} more={more} notice={notice} />);
  });

  app.get(`${practicePath}/compare`, async (c) => comparison(c, c.req.param('id'), compareQuery.parse(c.req.query())));

  app.post(`${practicePath}/:rev{[0-9]+}/restore`, role(...editorRoles), async (c) => {
    const account = signedInAccount(c);
    const id = c.req.param('id');
    const revisionId = Number(c.req.param('rev'));
    if (!Number.isSafeInteger(revisionId)) throw notFound();
    const body = await c.req.parseBody();
    const form = restoreForm.safeParse(body);
    // A refused restore shows the comparison again: the one to restore against the current version.
    const against = { to: revisionId };
    if (!form.success) {
      const note = typeof body.note === 'string' ? body.note : '';
      return comparison(c, id, against, { note, restoreErrors: { note: form.error.issues[0].message } }, 400);
    }
    const editor = { name: account.name, userId: account.userId, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
    try {
      const outcome = await restoreRevision(db, { practiceId: id, revisionId, base: form.data.base, note: form.data.note }, editor);
      return seeOther(c, `/practices/${id}/history?done=${outcome}`);
    } catch (error) {
      // Someone saved another version since the comparison was shown: show it again, against the new one.
      if (error instanceof AppError && error.code === 'conflict') return comparison(c, id, against, { notice: 'history.notice.conflict' }, 409);
      throw error;
    }
  });

  return app;
}
