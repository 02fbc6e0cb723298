import fs from 'node:fs';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { textStream } from '../open-data/stream-body.ts';
import { projectPath } from '../shared/project-root.ts';
import { answerOai, type OaiContext } from './oai.service.ts';
import type { OaiSource } from './oai-source.ts';

const exchangeXsd = fs.readFileSync(projectPath('src', 'oai', 'schemas', 'exchange.xsd'), 'utf8');

/** The address of a "Name <address>" sender, or the text itself. */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/**
 * The OAI-PMH 2.0 endpoint (GET and form-encoded POST /oai) over the record sources handed in
 * by app.ts, and the schema of its `exchange` format (/oai/exchange.xsd).
 * @example app.route('/', oaiRoutes(deps, [practiceOaiSource(db, pageUrl)]));
 */
export function oaiRoutes({ config }: Pick<AppDeps, 'config'>, sources: OaiSource[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const ctx: OaiContext = {
    publicUrl: config.publicUrl,
    repositoryName: 'Clearinghouse on migration and integration',
    adminEmail: addressOf(config.MAIL_FROM),
    sources: [...sources].sort((a, b) => (a.kind < b.kind ? -1 : 1)),
    pageSize: config.OAI_PAGE_SIZE,
    now: () => new Date(),
  };
  const headers = { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' };

  app.get('/oai', async (c) => c.body(textStream(await answerOai(ctx, new URL(c.req.url).searchParams)), 200, headers));
  app.post('/oai', async (c) => c.body(textStream(await answerOai(ctx, new URLSearchParams(await c.req.text()))), 200, headers));
  app.get('/oai/exchange.xsd', (c) => c.body(exchangeXsd, 200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=86400' }));
  return app;
}
