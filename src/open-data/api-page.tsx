import type { FC } from 'hono/jsx';
import { Layout } from '../views/layout.tsx';
import { usePage } from '../views/page-context.ts';
import type { ApiOperation } from './api-operations.ts';

/** What the API page needs from the catalogue: a practice to use in examples. */
export interface ApiPageData {
  exampleId: string;
  feedSize: number;
  /** Every operation of the OpenAPI document. */
  operations: ApiOperation[];
}

const searchParamExamples: [string, string][] = [
  ['q', 'refugee+housing'],
  ['lang', 'fr'],
  ['theme', 'housing'],
  ['region', '150'],
  ['country', 'IT'],
  ['city', 'it-turin'],
  ['actor', 'civil-society'],
  ['target', 'refugees'],
  ['status', 'ongoing'],
  ['evidence', '3'],
  ['assessed', 'transferable'],
  ['from', '2015'],
  ['to', '2020'],
  ['sort', 'newest'],
  ['page', '2'],
  ['page_size', '50'],
];

/** A request and where it leads, as a copyable example. */
const Example: FC<{ url: string }> = ({ url }) => {
  const { t } = usePage().i18n;
  return (
    <p>
      {t('api.example')}:{' '}
      <a href={url}>
        <code>{url}</code>
      </a>
    </p>
  );
};

/** A file to download or subscribe to, linked with an example filter, and what it holds. */
const FileLink: FC<{ path: string; query: string; label: string }> = ({ path, query, label }) => (
  <li>
    <a href={`${path}?${query}`}>
      <code>{path}</code>
    </a>{' '}
    — {label}
  </li>
);

/** The search parameters, what each means, and an example value. */
const ParamsTable: FC = () => {
  const { t } = usePage().i18n;
  return (
    <table class="data-table">
      <caption>{t('api.params.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('api.params.name')}</th>
          <th scope="col">{t('api.params.meaning')}</th>
          <th scope="col">{t('api.params.example')}</th>
        </tr>
      </thead>
      <tbody>
        {searchParamExamples.map(([name, example]) => (
          <tr>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>{t(`api.param.${name}`)}</td>
            <td>
              <code>{`${name}=${example}`}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The search endpoint: its request, an example, the shape of its answer and its parameters. */
const SearchSection: FC = () => {
  const { i18n, publicUrl } = usePage();
  const { t } = i18n;
  return (
    <>
      <h2 id="search">{t('api.search.heading')}</h2>
      <pre class="cite">
        <code>GET {publicUrl}/api/v1/practices</code>
      </pre>
      <p>{t('api.search.body')}</p>
      <Example url={`${publicUrl}/api/v1/practices?q=housing&country=IT`} />
      <pre class="cite">
        <code>{`{ "total": 3, "page": 1, "page_size": 20, "lang": "en",
  "items": [ { "id": "…", "title": "…", "summary": "…", "city": "Turin", "country": "IT",
               "themes": ["housing"], "url": "${publicUrl}/practices/…" } ],
  "facets": { "theme": [ { "value": "housing", "count": 3, "selected": false } ], … },
  "next": null, "ignored": [] }`}</code>
      </pre>
      <ParamsTable />
    </>
  );
};

/** Every operation of the API, read from its OpenAPI document; a GET without path parameters is a link to try. */
const OperationsSection: FC<{ operations: ApiOperation[] }> = ({ operations }) => {
  const { i18n, publicUrl } = usePage();
  const { t } = i18n;
  return (
    <>
      <h2 id="operations">{t('api.ops.heading')}</h2>
      <p>{t('api.ops.body')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('api.ops.document')}</a>
      </p>
      <table class="data-table">
        <caption>{t('api.ops.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('api.ops.request')}</th>
            <th scope="col">{t('api.ops.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {operations.map((op) => {
            const text = t(op.messageKey);
            return (
              <tr>
                <th scope="row" dir="ltr">
                  <code>
                    {op.method} {op.method === 'GET' && !op.path.includes('{') ? <a href={`${publicUrl}${op.path}`}>{op.path}</a> : op.path}
                  </code>
                </th>
                <td>{text === op.messageKey ? op.summary : text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
};

/** GET /api — how to use the open data: the JSON API, downloads, feeds, errors and licence. */
export const ApiPage: FC<ApiPageData> = ({ exampleId, feedSize, operations }) => {
  const { i18n, publicUrl } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('api.title')} description={t('api.description')} canonical="/api">
      <h1>{t('api.title')}</h1>
      <p class="lead">{t('api.lead')}</p>

      <OperationsSection operations={operations} />

      <SearchSection />

      <h2 id="record">{t('api.record.heading')}</h2>
      <pre class="cite">
        <code>
          GET {publicUrl}/api/v1/practices/{'{id}'}
        </code>
      </pre>
      <p>{t('api.record.body')}</p>
      <Example url={`${publicUrl}/api/v1/practices/${exampleId}`} />

      <h2 id="cities">{t('api.cities.heading')}</h2>
      <pre class="cite">
        <code>GET {publicUrl}/api/v1/cities</code>
      </pre>
      <p>{t('api.cities.body')}</p>
      <Example url={`${publicUrl}/api/v1/cities?country=DE`} />
      <ul>
        <FileLink path="/cities/export.csv" query="country=DE" label={t('api.download.cities_csv')} />
      </ul>

      <h2 id="organizations">{t('api.orgs.heading')}</h2>
      <pre class="cite">
        <code>GET {publicUrl}/api/v1/organizations</code>
      </pre>
      <p>{t('api.orgs.body')}</p>
      <Example url={`${publicUrl}/api/v1/organizations?type=academia&region=150`} />
      <ul>
        <FileLink path="/organizations/export.csv" query="type=academia" label={t('api.download.orgs_csv')} />
      </ul>

      <h2 id="events">{t('api.events.heading')}</h2>
      <pre class="cite">
        <code>
          GET {publicUrl}/api/v1/events · GET {publicUrl}/api/v1/events/{'{id}'}
        </code>
      </pre>
      <p>{t('api.events.body')}</p>
      <Example url={`${publicUrl}/api/v1/events?when=upcoming&theme=housing`} />
      <ul>
        <FileLink path="/events.ics" query="theme=housing" label={t('api.events.ics')} />
      </ul>

      <h2 id="downloads">{t('api.downloads.heading')}</h2>
      <p>{t('api.downloads.body')}</p>
      <ul>
        <FileLink path="/practices/export.json" query="theme=housing" label={t('api.download.json')} />
        <FileLink path="/practices/export.csv" query="theme=housing" label={t('api.download.csv')} />
        <FileLink path="/practices/export.geojson" query="theme=housing" label={t('api.download.geojson')} />
      </ul>

      <h2 id="feeds">{t('api.feeds.heading')}</h2>
      <p>{t('api.feeds.body', { count: feedSize })}</p>
      <ul>
        <FileLink path="/practices/feed.atom" query="theme=education" label={t('api.feed.atom')} />
      </ul>

      <h2 id="errors">{t('api.errors.heading')}</h2>
      <p>{t('api.errors.body')}</p>
      <Example url={`${publicUrl}/api/v1/practices?page=abc`} />

      <h2 id="licence">{t('api.licence.heading')}</h2>
      <p>{t('api.licence.body')}</p>
    </Layout>
  );
};
