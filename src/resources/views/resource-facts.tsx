import type { Child, FC } from 'hono/jsx';
import { languageDisplayName } from '../../i18n/display-names.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { regionLabel } from '../../views/labels.ts';
import { FactList } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { ResourceDraft } from '../resource-form.ts';

/** What the facts show of a resource (a stored one or a submission's draft). */
export type ResourceMeta = Partial<Omit<ResourceDraft, 'links'>>;

/** An outside link, its address shown short (without the scheme) and kept left-to-right. */
export const OutsideLink: FC<{ href: string }> = ({ href }) => (
  <a href={href} rel="nofollow noopener" dir="ltr">
    {href.replace(/^https?:\/\//, '').replace(/\/$/, '')}
  </a>
);

/** The facts of a resource as [label, value] pairs, in the reader's language. */
export function resourceFacts(i18n: Translator, r: ResourceMeta): [string, Child][] {
  const { t } = i18n;
  const join = (items: string[]) => items.join(listSeparator(i18n.locale));
  const facts: [string, Child][] = [];
  if (r.type) facts.push([t('resources.fact.type'), t(`resources.type.${r.type}`)]);
  if (r.publisher) facts.push([t('resources.fact.publisher'), <bdi>{r.publisher}</bdi>]);
  if (r.authors?.length) facts.push([t('resources.fact.authors'), <bdi>{join(r.authors)}</bdi>]);
  if (r.year) facts.push([t('resources.fact.year'), String(r.year)]);
  if (r.languages?.length) facts.push([t('resources.fact.languages'), join(r.languages.map((l) => languageDisplayName(l, i18n.locale)))]);
  if (r.themes?.length) facts.push([t('resources.fact.themes'), join(r.themes.map((th) => t(`theme.${th}`)))]);
  if (r.regions?.length) facts.push([t('resources.fact.regions'), join(r.regions.map((code) => regionLabel(i18n, code)))]);
  if (r.licence) facts.push([t('resources.fact.licence'), <bdi>{r.licence}</bdi>]);
  if (r.url) facts.push([t('resources.fact.url'), <OutsideLink href={r.url} />]);
  if (r.archive_url) facts.push([t('resources.fact.archive_url'), <OutsideLink href={r.archive_url} />]);
  return facts;
}

/**
 * A resource submission read back for its editor and submitter: the metadata, the abstract, the
 * practices, cities and organisations it documents, and its PDF when one was uploaded.
 */
export const ResourceSubmissionFields: FC<{ submissionId: number; data: Partial<ResourceDraft>; file?: { file_name: string; size: number } }> = ({
  submissionId,
  data,
  file,
}) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const facts = resourceFacts(i18n, data);
  if (file)
    facts.push([
      t('resources.fact.file'),
      <a href={`/resources/submissions/${submissionId}/file`}>
        <bdi>{file.file_name}</bdi> ({t('resources.file.size', { size: Math.ceil(file.size / 1024) })})
      </a>,
    ]);
  for (const l of data.links ?? []) facts.push([t(`resources.link.${l.kind}`), <code>{l.target}</code>]);
  return (
    <>
      <h3 dir="auto">{data.title || t('submissions.untitled')}</h3>
      <FactList facts={facts} />
      {data.abstract && (
        <p class="review-text" dir="auto" lang={data.languages?.[0]}>
          {data.abstract}
        </p>
      )}
    </>
  );
};
