import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.ts';
import { isolated, placeLabel } from '../views/labels.ts';
import { localCityName } from './city-names.ts';

describe('city names in the reader’s language', () => {
  it('uses CLDR’s names where it has them, in every interface language', () => {
    expect(localCityName('GB', 'London', 'zh')).toBe('伦敦');
    expect(localCityName('DE', 'Berlin', 'ar')).toBe('برلين');
    expect(localCityName('AT', 'Vienna', 'fr')).toBe('Vienne');
    expect(localCityName('AT', 'Vienna', 'ru')).toBe('Вена');
    expect(localCityName('BR', 'Sao Paulo', 'zh')).toBe('圣保罗');
    // Older time-zone ids (America/Buenos_Aires) are found too.
    expect(localCityName('AR', 'Buenos Aires', 'zh')).toBe('布宜诺斯艾利斯');
  });

  it('tries the usual "City" spellings and keeps a district in brackets', () => {
    expect(localCityName('US', 'New York City', 'zh')).toBe('纽约');
    expect(localCityName('US', 'New York City (Queens)', 'zh')).toBe('纽约 (Queens)');
  });

  it('falls back to the recorded name, and never takes a namesake in another country', () => {
    expect(localCityName('GB', 'Cardiff', 'zh')).toBe('Cardiff');
    expect(localCityName('US', 'Paris', 'zh')).toBe('Paris');
    expect(localCityName('GB', 'London', 'en')).toBe('London');
  });
});

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
