import { describe, expect, it } from 'vitest';
import { validateExchange, validateExchangeInSteps } from './exchange-validate.ts';

const practice = (i: number, overrides: Record<string, unknown> = {}) => ({
  id: `practice-${i}`,
  title: `Practice ${i}`,
  summary: 'A city desk that helps newly arrived migrants find a home.',
  language: 'en',
  city: 'Turin',
  country: 'IT',
  themes: ['housing'],
  ...overrides,
});
const file = (practices: unknown[]) => JSON.stringify({ format: 'clearinghouse.practices', version: 1, license: 'CC-BY-4.0', practices });

describe('validateExchangeInSteps', () => {
  it('finds what validateExchange finds, handing over every valid record once, in order', async () => {
    // Errors and a duplicate on both sides of a step boundary (500).
    const practices = Array.from({ length: 1203 }, (_, i) => practice(i));
    practices[3] = practice(3, { themes: ['housng'] });
    practices[499] = practice(499, { country: 'XX' });
    practices[500] = practice(2);
    practices[1202] = practice(1202, { titel: 'typo' });
    const text = file(practices);
    const handed: string[] = [];
    const totals = new Set<number>();
    const stepped = await validateExchangeInSteps(text, (records, total) => {
      handed.push(...records.map((r) => r.id));
      totals.add(total);
    });
    const whole = validateExchange(text);
    expect(stepped).toEqual(whole);
    expect(whole.issues.map((i) => i.path)).toEqual(['practices[3].themes[0]', 'practices[499].country', 'practices[500].id', 'practices[1202].titel']);
    expect(handed).toEqual(whole.records.map((r) => r.id));
    expect([...totals]).toEqual([1203]);
  });

  it('reports a document that is not JSON without handing anything over', async () => {
    const handed: unknown[] = [];
    const result = await validateExchangeInSteps('{"format":', (records) => handed.push(...records));
    expect(result).toEqual(validateExchange('{"format":'));
    expect(result.issues[0]?.path).toBe('$');
    expect(handed).toEqual([]);
  });
});
