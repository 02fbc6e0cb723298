import type { CitedAuthor, CslItem } from '../../citations/csl-item.ts';
import { cslItem } from '../../citations/csl-item.ts';
import type { PracticeWithLineage } from '../practice.repo.ts';
import { practiceHref } from './practice-links.ts';

/** Where a citation is read: the site's name and address, and the day of reading. */
export interface CitationContext {
  siteName: string;
  publicUrl: string;
  accessed: Date;
}

/**
 * Who a practice credits: its lead organisation and partners, then the people who submitted it
 * and have a public profile (by its display name). A submitter without one is not named: the
 * organisations stand for them (`unnamedSubmitter` says so, for the page to explain).
 * @example practiceCredits(practice).authors.map((a) => a.name) // ['City of Lyon', 'Forum Réfugiés', 'Ana Silva']
 */
export function practiceCredits(practice: PracticeWithLineage): { authors: CitedAuthor[]; unnamedSubmitter: boolean } {
  const r = practice.record;
  const organizations = [r.lead_organization, ...(r.partners ?? []).map((p) => p.name)].filter((n): n is string => Boolean(n));
  const people = practice.submitters.flatMap((s) => (s.name ? [s.name] : []));
  return {
    authors: [...organizations.map((name) => ({ name, kind: 'organization' as const })), ...people.map((name) => ({ name, kind: 'person' as const }))],
    unnamedSubmitter: practice.submitters.some((s) => !s.name),
  };
}

/**
 * The one description of a practice as a citable work (CSL-JSON), from what its page already
 * loads; the page's reference, its meta tags and the BibTeX, RIS and CSL-JSON downloads all derive from it.
 * @example const item = practiceCitation(practice, { siteName: t('site.name'), publicUrl, accessed: new Date() });
 */
export function practiceCitation(practice: PracticeWithLineage, ctx: CitationContext): CslItem {
  const r = practice.record;
  return cslItem({
    id: r.id,
    title: r.title,
    summary: r.summary,
    language: r.language,
    authors: practiceCredits(practice).authors,
    issued: r.updated ?? new Date(practice.updated_at),
    accessed: ctx.accessed,
    url: `${ctx.publicUrl}${practiceHref(r.id)}`,
    siteName: ctx.siteName,
    keywords: [...r.themes, ...(r.target_groups ?? [])],
  });
}
