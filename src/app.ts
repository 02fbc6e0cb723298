import type { Hono } from 'hono';
import { mountAccounts } from './accounts/accounts.routes.ts';
import { AccountNav } from './accounts/views/account-nav.tsx';
import { adminAuditRoutes } from './admin/admin-audit.routes.tsx';
import { adminImportRoutes } from './admin/admin-import.routes.tsx';
import { adminTagsRoutes } from './admin/admin-tags.routes.tsx';
import { adminUserRoutes } from './admin/admin-users.routes.tsx';
import { assessmentRoutes } from './assessments/assessment.routes.tsx';
import { callReviewRoutes } from './call-review/call-review.routes.ts';
import { canReviewerSee } from './call-review/review-access.ts';
import { callRoutes } from './calls/call.routes.tsx';
import { cityRoutes } from './cities/city.routes.tsx';
import { eventRoutes } from './events/event.routes.tsx';
import { exchangeRoutes } from './exchanges/exchange.routes.tsx';
import { followRoutes, unreadNotifications } from './follows/follow.routes.tsx';
import { groupRoutes } from './groups/group.routes.tsx';
import { groupModerationRoutes } from './groups/group-moderation.routes.tsx';
import { groupThreadRoutes } from './groups/group-thread.routes.tsx';
import { harvestAdminRoutes } from './harvest/harvest-admin.routes.tsx';
import { historyRoutes } from './history/history.routes.tsx';
import { homeRoutes } from './home/home.routes.tsx';
import type { AppDeps, AppEnv, ContributionDeps } from './http/app-env.ts';
import { loadAssets } from './http/assets.ts';
import { bodySizeLimit } from './http/body-size.ts';
import { etagAndCompression } from './http/compressed-cache.ts';
import { errorHandler, respondWithError } from './http/error-handler.tsx';
import { notFound } from './http/errors.ts';
import { fairStart } from './http/fair-start.ts';
import { healthRoutes } from './http/health.routes.ts';
import { listenerGate } from './http/listeners.ts';
import { apiRouter } from './http/openapi.ts';
import { startupGate } from './http/readiness.ts';
import { pageSettings } from './http/render.tsx';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { urlTextGuard } from './http/url-text.ts';
import { localeRouting, pathWithoutLocale } from './i18n/locale-routing.ts';
import { linkCheckRoutes } from './link-check/link-check.routes.tsx';
import { createMailer } from './mail/mailer.ts';
import { mapRoutes } from './map/map.routes.tsx';
import { oaiRoutes } from './oai/oai.routes.ts';
import { practiceOaiSource } from './oai/practice-source.ts';
import { adminRoutes } from './open-data/admin.routes.ts';
import { apiRoutes } from './open-data/api.routes.ts';
import { catalogueApiRoutes } from './open-data/catalogue-api.routes.ts';
import { cityDataRoutes } from './open-data/city-data.routes.ts';
import { downloadRoutes } from './open-data/download.routes.ts';
import { practicePageUrl } from './open-data/open-data.urls.ts';
import { openApiDocumentRoutes } from './open-data/openapi-document.routes.ts';
import { openApiDocument } from './open-data/openapi-document.ts';
import { organizationRoutes } from './organizations/organization.routes.tsx';
import { peopleRoutes } from './people/people.routes.tsx';
import { practiceEditRoutes } from './practice-edit/practice-edit.routes.tsx';
import { practiceRoutes } from './practices/practice.routes.tsx';
import { privacyRoutes } from './privacy/privacy.routes.tsx';
import { resourceRoutes } from './resources/resource.routes.tsx';
import { resourcePageUrl } from './resources/resource-api.present.ts';
import { resourceApiRoutes } from './resources/resource-api.routes.ts';
import { resourceOaiSource } from './resources/resource-oai-source.ts';
import { resourceSubmitRoutes } from './resources/resource-submit.routes.tsx';
import { reviewRoutes } from './review/review.routes.ts';
import { searchRoutes } from './search/search.routes.tsx';
import { formCarry } from './security/form-carry.ts';
import { benchmarkRoutes } from './self-assessment/benchmark.routes.tsx';
import { cityAssessmentRoutes } from './self-assessment/city-assessment.routes.tsx';
import { figuresEditRoutes } from './self-assessment/figures-edit.routes.tsx';
import { selfAssessmentRoutes } from './self-assessment/self-assessment.routes.tsx';
import { siteSearchRoutes } from './site-search/site-search.routes.tsx';
import { sitemapRoutes } from './sitemap/sitemap.routes.ts';
import { carriedForms } from './submissions/carried-forms.ts';
import { submissionRoutes } from './submissions/submission.routes.ts';

/** How long a request that arrives during migrations or demo seeding waits for them before it gets a 503. */
const startupWaitMs = 30_000;

/**
 * Builds the whole web app from its dependencies; tests call `app.request(url)` on it in-process.
 * @example const app = createApp({ db, config, log }); const res = await app.request('/healthz');
 */
export function createApp(appDeps: AppDeps): Hono<AppEnv> {
  // The one mailer, for every area that writes to people (accounts, submissions, review).
  const deps: ContributionDeps = { ...appDeps, mailer: appDeps.mailer ?? createMailer(appDeps.config, appDeps.log) };
  const assets = loadAssets();
  // An OpenAPI router: the areas' API operations, mounted below with route(), make up the document.
  const app = apiRouter({ getPath: pathWithoutLocale });
  const apiDocument = openApiDocument(app, deps.config);
  // First, so that it sees every answer as sent: what any shared cache may keep, it keeps for anonymous visitors.
  if (deps.pageCache) app.use(deps.pageCache.keep());
  // The layout knows no product area: the account links are handed to it here.
  app.use(
    pageSettings({
      assets: { css: assets.urls['site.css'] ?? '/assets/site.css', scripts: assets.scripts },
      publicUrl: deps.config.publicUrl,
      layoutParts: { accountNav: AccountNav },
    }),
  );
  app.use(requestLog(deps.log));
  app.use(securityHeaders(deps.config));
  // Health checks answer at once, before the language, the start-up gate and the queue.
  app.route('/', healthRoutes(deps));
  app.use(localeRouting());
  app.use(listenerGate());
  app.use(startupGate(deps.readiness, startupWaitMs));
  app.use(fairStart());
  app.use(urlTextGuard());
  app.use(bodySizeLimit());
  app.use(etagAndCompression());
  // Sessions and CSRF protection first, so they cover every route mounted after them.
  mountAccounts(app, deps, formCarry(carriedForms));
  app.use(unreadNotifications(deps));

  app.route('/', assets.routes);
  app.route('/', homeRoutes(deps));
  app.route('/', downloadRoutes(deps));
  // OAI-PMH knows no product area: each kind of record is a source handed to it here.
  app.route(
    '/',
    oaiRoutes(deps, [
      practiceOaiSource(deps.db, (id) => practicePageUrl(deps.config.publicUrl, id)),
      resourceOaiSource(deps.db, (slug) => resourcePageUrl(deps.config.publicUrl, slug)),
    ]),
  );
  app.route('/', sitemapRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', siteSearchRoutes(deps));
  app.route('/', practiceEditRoutes(deps));
  app.route('/', historyRoutes(deps));
  app.route('/', submissionRoutes(deps));
  app.route('/', practiceRoutes(deps));
  app.route('/', cityRoutes(deps));
  app.route('/', mapRoutes(deps));
  app.route('/', selfAssessmentRoutes(deps));
  app.route('/', cityAssessmentRoutes(deps));
  app.route('/', benchmarkRoutes(deps));
  app.route('/', figuresEditRoutes(deps));
  app.route('/', organizationRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.route('/', eventRoutes(deps));
  app.route('/', callReviewRoutes(deps));
  // The review side says which reviewers may read an application's files (no conflict declared).
  app.route('/', callRoutes(deps, canReviewerSee));
  app.route('/', groupRoutes(deps));
  app.route('/', groupThreadRoutes(deps));
  app.route('/', groupModerationRoutes(deps));
  app.route('/', followRoutes(deps));
  app.route('/', privacyRoutes(deps));
  app.route('/', apiRoutes(deps, apiDocument));
  app.route('/', catalogueApiRoutes(deps));
  app.route('/', openApiDocumentRoutes(apiDocument));
  app.route('/', cityDataRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', adminUserRoutes(deps));
  app.route('/', adminAuditRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', adminImportRoutes(deps));
  app.route('/', adminTagsRoutes(deps));
  app.route('/', harvestAdminRoutes(deps));
  app.route(
    '/',
    linkCheckRoutes(deps, (l) => (l.kind === 'resource' ? `/resources/${encodeURIComponent(l.id)}/edit` : undefined)),
  );
  app.route('/', assessmentRoutes(deps));
  app.route('/', exchangeRoutes(deps));
  app.route('/', resourceSubmitRoutes(deps));
  app.route('/', resourceRoutes(deps));
  app.route('/', resourceApiRoutes(deps));

  app.notFound((c) => respondWithError(c, notFound()));
  app.onError(errorHandler(deps.log));
  return app;
}
