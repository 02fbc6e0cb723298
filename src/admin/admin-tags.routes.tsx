import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv, SessionAccount } from '../http/app-env.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { listTargetGroups, type TargetGroupCount } from '../practices/target-groups.repo.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { adminRoles } from '../security/roles.ts';
import type { FieldErrors } from '../shared/form-values.ts';
import { readMergeForm, tagsQuery } from './admin-tags.schema.ts';
import { mergeTags } from './merge-tags.command.ts';
import { TagsPage } from './views/tags-page.tsx';

/** The most used of some tags (the first by name on a tie): the natural one to keep. */
function mostUsed(tags: TargetGroupCount[]): string {
  return tags.reduce<TargetGroupCount | undefined>((best, t) => (!best || t.count > best.count ? t : best), undefined)?.tag ?? '';
}

/**
 * /admin/tags: every target-group tag with its count, and merging spellings of one group
 * ("Refugees", "refugees", "refugee") into the one to keep (admins only).
 */
export function adminTagsRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The page for a filter and a set of ticked tags; after a refused merge, with what was typed and why. */
  const tagsPage = async (
    c: Context<AppEnv>,
    account: SessionAccount,
    query: { q?: string; tag: string[]; done?: number },
    refused?: { keep: string; errors: FieldErrors },
  ) => {
    const all = await listTargetGroups(db);
    const needle = query.q?.toLocaleLowerCase();
    const shown = needle ? all.filter((t) => t.tag.toLocaleLowerCase().includes(needle)) : all;
    const selected = all.filter((t) => query.tag.includes(t.tag));
    const keep = refused?.keep ?? mostUsed(selected);
    const page = (
      <TagsPage
        tags={shown}
        total={all.length}
        q={query.q}
        selected={selected}
        keep={keep}
        csrf={account.csrfToken}
        done={query.done}
        errors={refused?.errors}
      />
    );
    return privatePage(c, page, refused ? 400 : 200);
  };

  app.get('/admin/tags', role(...adminRoles), async (c) => {
    const account = signedInAccount(c);
    const query = tagsQuery.parse({ q: c.req.query('q'), tag: c.req.queries('tag'), done: c.req.query('done') });
    return tagsPage(c, account, query);
  });

  app.post('/admin/tags/merge', role(...adminRoles), async (c) => {
    const account = signedInAccount(c);
    const body = await postedForm(c);
    const form = readMergeForm(body);
    if (!form.ok) {
      const query = tagsQuery.parse({ tag: body.tag });
      return tagsPage(c, account, query, { keep: typeof body.keep === 'string' ? body.keep : '', errors: form.errors });
    }
    const actor = { userId: account.userId, name: account.name, role: account.role, ip: clientAddress(c, config.TRUST_PROXY) };
    const updated = await mergeTags(db, form.data.tags, form.data.keep, actor);
    return seeOther(c, `/admin/tags?done=${updated}`);
  });

  return app;
}
