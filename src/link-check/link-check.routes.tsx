import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { privatePage } from '../http/responses.ts';
import { role } from '../security/guards.ts';
import { editorRoles } from '../security/roles.ts';
import { listBrokenLinks } from './link-check.repo.ts';
import { BrokenLinksPage, type EditPathOf } from './views/broken-links-page.tsx';

/** A practice's edit page; other kinds say theirs where the app is composed. */
const practiceEditPath: EditPathOf = (l) => (l.kind === 'practice' ? `/practices/${encodeURIComponent(l.id)}/edit` : undefined);

/**
 * /review/links: the broken links the link checker found, for editors, beside the review queue.
 * @example app.route('/', linkCheckRoutes(deps, (l) => (l.kind === 'resource' ? `/resources/${l.id}/edit` : undefined)));
 */
export function linkCheckRoutes({ db }: AppDeps, otherEditPaths: EditPathOf = () => undefined): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/review/links', role(...editorRoles), async (c) => {
    const links = await listBrokenLinks(db);
    return privatePage(c, <BrokenLinksPage links={links} editPath={(l) => practiceEditPath(l) ?? otherEditPaths(l)} />);
  });
  return app;
}
