import { diffWords } from 'diff';
import { countryName } from '../geo/countries.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { languageName } from '../practices/views/practice-translation.ts';

/** Record fields in the order a comparison lists them (the form's order, then what the form does not edit). */
export const diffFields = [
  'title',
  'summary',
  'language',
  'themes',
  'status',
  'started',
  'ended',
  'level',
  'city',
  'country',
  'location',
  'actor_types',
  'lead_organization',
  'partners',
  'target_groups',
  'challenge',
  'approach',
  'body',
  'outcomes',
  'evaluation',
  'lessons',
  'transferability',
  'evidence_level',
  'sources',
  'adapted_from',
  'translations',
  'updated',
] as const satisfies readonly (keyof PracticeRecord)[];
export type DiffField = (typeof diffFields)[number];

/** A run of text in a comparison: unchanged, only in the newer version, or only in the older one. */
export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** One field that differs, with its words marked. */
export interface FieldDiff {
  field: DiffField;
  /** Message key of the field's label. */
  label: string;
  parts: DiffPart[];
  /** True when the text is the practice's own words (in its language), not labels in the reader's. */
  ownWords: boolean;
}

/** Fields written in the practice's language; the rest are codes shown in the reader's language. */
const ownWordFields = new Set<DiffField>([
  'title',
  'summary',
  'target_groups',
  'challenge',
  'approach',
  'body',
  'outcomes',
  'evaluation',
  'lessons',
  'transferability',
]);

/** Fields the history names with its own keys, since the form does not show them. */
const ownLabels: Partial<Record<DiffField, string>> = {
  adapted_from: 'history.field.adapted_from',
  translations: 'history.field.translations',
  updated: 'history.field.updated',
};

/** The message key of a field's label. */
export function fieldLabelKey(field: DiffField): string {
  return ownLabels[field] ?? `form.field.${field}`;
}

/**
 * A field as a reader would compare it: codes named in the reader's language, lists one item
 * per line, so a diff shows "Housing" rather than a JSON array.
 * @example fieldText({ themes: ['housing', 'health'] }, 'themes', i18n) // 'Housing\nHealth'
 */
export function fieldText(record: Partial<PracticeRecord>, field: DiffField, i18n: Translator): string {
  const { t, locale } = i18n;
  const lines = (items: string[] | undefined) => (items ?? []).join('\n');
  switch (field) {
    case 'language':
      return record.language ? languageName(record.language, locale) : '';
    case 'themes':
      return lines(record.themes?.map((c) => t(`theme.${c}`)));
    case 'actor_types':
      return lines(record.actor_types?.map((c) => t(`actor.${c}`)));
    case 'status':
      return record.status ? t(`status.${record.status}`) : '';
    case 'level':
      return record.level ? t(`level.${record.level}`) : '';
    case 'country':
      return record.country ? countryName(record.country, locale) : '';
    case 'evidence_level':
      return record.evidence_level ? t(`evidence.${record.evidence_level}`) : '';
    case 'location':
      return record.location ? `${record.location.lat}, ${record.location.lon}` : '';
    case 'partners':
      return lines(
        record.partners?.map((p) => (p.support ? t('practice.partner.with_support', { name: p.name, support: t(`support.${p.support}`) }) : p.name)),
      );
    case 'target_groups':
      return lines(record.target_groups);
    case 'sources':
      return lines(record.sources?.map((s) => (s.title ? `${s.title} — ${s.url}` : s.url)));
    case 'adapted_from':
      return lines(record.adapted_from?.map((a) => (a.changes ? `${a.id}: ${a.changes}` : a.id)));
    case 'translations':
      return Object.entries(record.translations ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([lang, tr]) => {
          const name = languageName(lang, locale);
          const parts = [
            tr.title && `${name} · ${t('form.field.title')}: ${tr.title}`,
            tr.summary && `${name} · ${t('form.field.summary')}: ${tr.summary}`,
            tr.body && `${name} · ${t('form.field.body')}: ${tr.body}`,
            tr.machine !== undefined && `${name} · ${t(tr.machine ? 'history.translation.machine' : 'history.translation.human')}`,
          ];
          return parts.filter(Boolean).join('\n');
        })
        .join('\n');
    default: {
      const value = record[field];
      return value === undefined ? '' : String(value);
    }
  }
}

/** Word diffs longer than this much work are shown as a whole replacement instead (the text is huge and rewritten). */
const diffTimeoutMs = 500;

/** Words of `before` and `after`, marked as kept, removed or added; words split per the text's language (CJK too). */
export function wordDiff(before: string, after: string, lang?: string): DiffPart[] {
  let segmenter: Intl.Segmenter | undefined;
  try {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  } catch {
    segmenter = undefined;
  }
  const changes = diffWords(before, after, { intlSegmenter: segmenter, timeout: diffTimeoutMs });
  if (!changes) {
    return [...(before ? [{ text: before, change: 'removed' as const }] : []), ...(after ? [{ text: after, change: 'added' as const }] : [])];
  }
  return changes.map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/**
 * The fields that differ between two versions of a practice, each with its words marked.
 * @example recordDiff(older, newer, i18n).map((d) => d.field) // ['title', 'sources']
 */
export function recordDiff(before: Partial<PracticeRecord>, after: Partial<PracticeRecord>, i18n: Translator): FieldDiff[] {
  const lang = after.language ?? before.language;
  const diffs: FieldDiff[] = [];
  for (const field of diffFields) {
    const a = fieldText(before, field, i18n);
    const b = fieldText(after, field, i18n);
    if (a === b) continue;
    diffs.push({ field, label: fieldLabelKey(field), parts: wordDiff(a, b, lang), ownWords: ownWordFields.has(field) });
  }
  return diffs;
}
