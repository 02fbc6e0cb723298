import { describe, expect, it } from 'vitest';
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
