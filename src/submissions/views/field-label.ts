import type { Translator } from '../../i18n/i18n.ts';

/** Labels of the adaptation questions, which are not fields of the practice form. */
const adaptLabels: Record<string, string> = {
  adapt_kept: 'submissions.adapt.kept',
  adapt_changed: 'submissions.adapt.changed',
  adapt_why: 'submissions.adapt.why',
};

/** Labels of repeated rows (`source_url-2` is "Source 3: web address"). */
const rowLabels: Record<string, string> = {
  partner_name: 'form.partner.name',
  partner_support: 'form.partner.support',
  source_url: 'form.source.url',
  source_title: 'form.source.title',
};

/**
 * The label of a form field an error names, as the form shows it, for lists of problems away
 * from the form (the review page).
 * @example fieldLabel(t, 'source_url-0') // 'Source 1: web address'
 */
export function fieldLabel(t: Translator['t'], field: string): string {
  const row = /^(.+)-(\d+)$/.exec(field);
  if (row && rowLabels[row[1]]) return t(rowLabels[row[1]], { n: Number(row[2]) + 1 });
  if (adaptLabels[field]) return t(adaptLabels[field]);
  if (field === 'location_lat') return t('form.field.latitude');
  if (field === 'location_lon') return t('form.field.longitude');
  if (field === 'form') return t('submissions.review.other_problem');
  return t(`form.field.${field}`);
}
