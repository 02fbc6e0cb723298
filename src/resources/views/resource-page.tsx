import type { FC } from 'hono/jsx';
import { Notice } from '../../views/form-parts.tsx';
import { cityLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { FactList } from '../../views/list-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { LinkedTarget, ListedResource } from '../resource.repo.ts';
import { resourceFacts } from './resource-facts.tsx';

/** The page of what a link points to. */
function targetPath(l: LinkedTarget): string {
  if (l.kind === 'practice') return `/practices/${encodeURIComponent(l.target)}`;
  if (l.kind === 'city') return `/cities/${l.target.split('/').map(encodeURIComponent).join('/')}`;
  return `/organizations/${encodeURIComponent(l.target)}`;
}

/** The practices, cities or organisations a resource documents, of one kind; nothing when there are none. */
const TargetList: FC<{ kind: LinkedTarget['kind']; targets: LinkedTarget[] }> = ({ kind, targets }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  // A city's name as the reader's language writes it (CLDR), else as recorded.
  const nameOf = (l: LinkedTarget) => (l.kind === 'city' && l.name ? cityLabel(i18n, l.target.slice(0, 2).toUpperCase(), l.name) : l.name);
  const shown = targets.filter((l) => l.kind === kind && l.name !== null);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby={`linked-${kind}`}>
      <h2 id={`linked-${kind}`}>{t(`resources.linked.${kind}`)}</h2>
      <ul>
        {shown.map((l) => (
          <li>
            <a href={targetPath(l)} dir="auto">
              {nameOf(l)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** What a resource's page shows. */
export interface ResourcePageProps {
  resource: ListedResource;
  targets: LinkedTarget[];
  /** Editors: the edit link. */
  editable?: boolean;
  notice?: string;
}

/**
 * GET /resources/{slug}: a resource of the library — its type, publisher, authors, year,
 * languages, themes, regions and licence, its abstract, where to read it (the publisher's link,
 * an archived copy, the PDF kept here), and the practices, cities and organisations it documents.
 */
export const ResourcePage: FC<ResourcePageProps> = ({ resource: r, targets, editable, notice }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const path = `/resources/${encodeURIComponent(r.slug)}`;
  const facts = resourceFacts(i18n, r);
  return (
    <Layout title={r.title} description={r.abstract.slice(0, 300) || t('resources.list.description')} canonical={path}>
      <p>
        <a href="/resources">{t('resources.back')}</a>
      </p>
      <h1 dir="auto" lang={r.languages[0]}>
        {r.title}
      </h1>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      {r.abstract && (
        <p class="lead" dir="auto" lang={r.languages[0]}>
          {r.abstract}
        </p>
      )}
      <ul class="resource-actions resource-actions--read">
        {r.url && (
          <li>
            <a class="button" href={r.url} rel="nofollow noopener">
              {t('resources.read')}
            </a>
          </li>
        )}
        {r.has_file && (
          <li>
            <a class="button button--secondary" href={`${path}/file`}>
              {t('resources.download_pdf')}
            </a>
          </li>
        )}
        {r.archive_url && (
          <li>
            <a href={r.archive_url} rel="nofollow noopener">
              {t('resources.archived_copy')}
            </a>
          </li>
        )}
      </ul>
      <FactList facts={facts} />
      <TargetList kind="practice" targets={targets} />
      <TargetList kind="city" targets={targets} />
      <TargetList kind="organization" targets={targets} />
      <p class="meta">
        <a href={`/api/v1/resources/${encodeURIComponent(r.slug)}`}>{t('resources.as_json')}</a>
        {editable && (
          <>
            {' · '}
            <a href={`${path}/edit`}>{t('resources.edit.link')}</a>
          </>
        )}
      </p>
    </Layout>
  );
};
