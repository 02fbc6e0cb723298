import { type PracticeRecord, practiceRecordSchema } from '../../src/practices/practice.schema.ts';

/**
 * A practice as it arrives in an exchange file: the fields every record needs (id, title,
 * summary, language, place, a theme), then the overrides. Not parsed, so an override may be
 * invalid on purpose, and the object is sent as it is (no defaults filled in).
 * @example practiceFields({ id: 'turin-desk', city: 'Turin', country: 'IT' })
 */
export function practiceFields<T extends Record<string, unknown>>(overrides: T = {} as T) {
  const id = typeof overrides.id === 'string' ? overrides.id : 'test-practice';
  return {
    id,
    title: `Practice ${id}`,
    summary: `A practice written for the tests (${id}).`,
    language: 'en',
    city: 'Lyon',
    country: 'FR',
    themes: ['housing'] as string[],
    ...overrides,
  };
}

/**
 * A valid practice record, as the exchange-format schema reads it (its defaults filled in):
 * `practiceFields` with the overrides, parsed.
 * @example practiceRecord({ id: 'ghent-cafe', themes: ['language'] })
 */
export function practiceRecord(overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return practiceRecordSchema.parse(practiceFields(overrides));
}

/**
 * A practice draft that passes every check, as the submission form leaves it (no id: publishing
 * gives it one): `title` and the fields a record needs, then the overrides (the form's private
 * leftovers, `_raw` and `_adapt`, come in as overrides too).
 * @example practiceDraft('Welcome desk', { city: 'Turin', country: 'IT', _raw: { note: 'leftovers' } })
 */
export function practiceDraft<T extends Record<string, unknown>>(title: string, overrides: T = {} as T) {
  return {
    title,
    summary: 'Tenants and newcomers share a housing advice desk run by the city.',
    language: 'en',
    city: 'Lyon',
    country: 'FR',
    themes: ['housing'] as string[],
    ...overrides,
  };
}
