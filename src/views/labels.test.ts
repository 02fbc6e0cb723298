import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.ts';
import { isolated, placeLabel } from './labels.ts';

describe('placeLabel', () => {
  it('separates country and city in Chinese, and localises the city', () => {
    expect(placeLabel(translator('zh'), 'Cardiff', 'GB')).toBe('英国 Cardiff');
    expect(placeLabel(translator('zh'), 'Berlin', 'DE')).toBe('德国 柏林');
  });

  it('isolates a city in another script than the page, so it keeps its place in the sentence', () => {
    expect(placeLabel(translator('ar'), 'Cardiff', 'GB')).toBe('\u2068Cardiff\u2069، المملكة المتحدة');
    expect(placeLabel(translator('ar'), 'Berlin', 'DE')).toBe('برلين، ألمانيا');
    expect(placeLabel(translator('en'), 'Turin', 'IT')).toBe('Turin, Italy');
    expect(isolated('بيروت', 'ltr')).toBe('\u2068بيروت\u2069');
  });
});
