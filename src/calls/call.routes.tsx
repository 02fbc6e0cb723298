import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { privatePage } from '../http/responses.ts';
import { readStrictQuery } from '../http/strict-query.ts';
import { can } from '../security/authorize.ts';
import { applyRoutes, type ReviewerAccess } from './apply.routes.tsx';
import { callPolicy } from './call.policy.ts';
import { callOutcome, callTabs, findCall, listCalls, listDraftCalls } from './call.repo.ts';
import { callFormRoutes } from './call-form.routes.tsx';
import { callSlugPattern } from './call-paths.ts';
import { CallListPage } from './views/call-list-page.tsx';
import { CallPage } from './views/call-page.tsx';

/** Confirmations after a coordinator's change, by the `done` of the redirect. */
const notices: Record<string, string> = {
  created: 'calls.done.created',
  saved: 'calls.done.saved',
  published: 'calls.done.published',
};

const listQuery = z.object({ tab: z.enum(callTabs).default('open') }).strict();

/**
 * Calls for interest (the coordinators' form mounted first): GET /calls (open, upcoming, closed)
 * and GET /calls/{slug}; applying (`apply.routes.tsx`), with the reviewers' access to files handed in. Both say how long until a call opens or closes, so neither is kept in a
 * shared cache; a draft call is shown only to coordinators.
 */
export function callRoutes(deps: AppDeps, reviewerAccess?: ReviewerAccess): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  // First: /calls/new would otherwise be read as the page of a call called "new".
  app.route('/', callFormRoutes(deps));
  app.route('/', applyRoutes(deps, reviewerAccess));

  app.get('/calls', async (c) => {
    const { tab } = readStrictQuery(listQuery, new URL(c.req.url).searchParams);
    const now = new Date();
    const account = c.get('account');
    const manager = can(account, callPolicy.manage);
    const [items, drafts] = await Promise.all([listCalls(db, tab, now), manager ? listDraftCalls(db) : undefined]);
    return privatePage(c, <CallListPage tab={tab} items={items} now={now} drafts={drafts} />);
  });

  app.get(`/calls/${callSlugPattern}`, async (c) => {
    const call = await findCall(db, c.req.param('slug'));
    const account = c.get('account');
    const manager = can(account, callPolicy.manage);
    if (!call || (call.state === 'draft' && !manager)) throw notFound(`no call "${c.req.param('slug')}"`);
    const outcome = call.decisions_released_at ? await callOutcome(db, call.id) : undefined;
    return privatePage(
      c,
      <CallPage
        call={call}
        now={new Date()}
        manageCsrf={manager ? account?.csrfToken : undefined}
        outcome={outcome}
        notice={account ? notices[c.req.query('done') ?? ''] : undefined}
      />,
    );
  });

  return app;
}
