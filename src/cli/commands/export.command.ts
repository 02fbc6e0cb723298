import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Config } from '../../config.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { AppError } from '../../http/errors.ts';
import { practicePageUrl } from '../../open-data/open-data.urls.ts';
import { type ExportFormat, exportFormats, exportPractices } from '../../practices/export/export.service.ts';
import { parseSearchParams, type SearchParams, searchQueryString } from '../../search/search.params.ts';
import { type CliArgs, filterOptions } from '../cli-args.ts';
import { CliError, exitCodes } from '../cli-error.ts';
import { openDataAccess } from '../data-access.ts';
import { exportThroughServer } from '../server-client.ts';
import { writeFileWhole } from '../write-file.ts';

/**
 * Reads the export's filters with the search page's own parser, but strictly: a misspelt
 * filter value would otherwise be dropped and silently export far more than was asked for.
 */
function readFilters(values: CliArgs['values']): { params: SearchParams; lang: string } {
  const query = new URLSearchParams();
  if (values.q) query.set('q', values.q);
  for (const f of filterOptions) for (const v of values[f] ?? []) query.append(f, v);
  if (values.from) query.set('from', values.from);
  if (values.to) query.set('to', values.to);
  let parsed: ReturnType<typeof parseSearchParams>;
  try {
    parsed = parseSearchParams(query, { strict: true });
  } catch (e) {
    if (e instanceof AppError) throw new CliError(`Invalid filter: ${e.detail}`, exitCodes.usage);
    throw e;
  }
  if (parsed.notes.ignored.length > 0) {
    const bad = parsed.notes.ignored.map((i) => `--${i.param} ${JSON.stringify(i.value)}`).join(', ');
    throw new CliError(
      `Unknown filter ${parsed.notes.ignored.length === 1 ? 'value' : 'values'}: ${bad}. Run "clearinghouse --help" for the filters.`,
      exitCodes.usage,
    );
  }
  if (parsed.notes.truncatedQuery) throw new CliError('--q is longer than 200 characters.', exitCodes.usage);
  const lang = values.lang ?? 'en';
  if (!/^[a-z]{2}$/.test(lang)) throw new CliError('--lang must be an ISO 639-1 code such as "en".', exitCodes.usage);
  return { params: parsed.params, lang };
}

/** Writes to standard output, or to FILE through a temporary name. */
async function writeOut(source: Readable, out: string | undefined): Promise<void> {
  if (!out) {
    await pipeline(source, process.stdout as Writable, { end: false });
    return;
  }
  await writeFileWhole(source, out);
}

/**
 * `clearinghouse export [--format json|csv] [--out FILE] [filters]`: the published practices
 * matching the filters, written by the same code as the site's downloads.
 * @example process.exitCode = await exportCommand(config, { format: 'csv', theme: ['housing'] });
 */
export async function exportCommand(config: Config, values: CliArgs['values']): Promise<number> {
  const format = (values.format ?? 'json') as ExportFormat;
  if (!exportFormats.includes(format)) throw new CliError(`--format must be one of ${exportFormats.join(', ')}.`, exitCodes.usage);
  const { params, lang } = readFilters(values);

  const access = await openDataAccess(config, { command: 'export', whenNew: 'refuse' });
  let total: number;
  try {
    if (access.via === 'server') {
      const query = new URLSearchParams(searchQueryString(params));
      query.set('lang', lang);
      const res = await exportThroughServer(access, format, query.toString());
      total = res.total;
      await writeOut(Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>), values.out);
    } else {
      await migrateToLatest(access.db);
      const result = await exportPractices(access.db, params, { format, locale: lang, urlOf: (id) => practicePageUrl(config.publicUrl, id) });
      total = result.total;
      await writeOut(Readable.from(result.chunks), values.out);
    }
  } finally {
    if (access.via === 'database') await access.close();
  }
  process.stderr.write(`Exported ${total} ${total === 1 ? 'practice' : 'practices'} (${format})${values.out ? ` to ${values.out}` : ''}.\n`);
  return exitCodes.ok;
}
