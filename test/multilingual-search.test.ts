import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import type { PracticeRecord } from '../src/practices/practice.schema.ts';
import { parseSearchParams } from '../src/search/search.params.ts';
import { searchPractices } from '../src/search/search.service.ts';
import { createDemoDatabase, testEngines } from './support/test-db.ts';

const records: PracticeRecord[] = [
  {
    id: 'chengdu-community-language-classes',
    title: '成都社区为新移民开设普通话课程',
    summary: '成都市在社区服务中心为外来务工人员和新移民提供免费的普通话课程和就业指导。',
    language: 'zh',
    city: 'Chengdu',
    country: 'CN',
    themes: ['language', 'employment'],
  },
  {
    id: 'casablanca-migrant-school-access',
    title: 'تسجيل أطفال المهاجرين في المَدْرَسَة العمومية بالدار البيضاء',
    summary: 'برنامج بلدي يساعد أسر المهاجرين على تسجيل أطفالهم في المدارس العمومية ويوفر دروس الدعم اللغوي.',
    language: 'ar',
    city: 'Casablanca',
    country: 'MA',
    themes: ['education', 'children-and-youth'],
  },
  {
    id: 'kazan-migrant-adaptation-centre',
    title: 'Центр адаптации мигрантов в Казани',
    summary: 'Городской центр помогает мигрантам найти жильё и работу, проводит курсы русского языка.',
    language: 'ru',
    city: 'Kazan',
    country: 'RU',
    themes: ['housing', 'employment', 'language'],
  },
  {
    id: 'quito-casa-de-acogida',
    title: 'Casa de acogida municipal para personas refugiadas en Quito',
    summary: 'El municipio ofrece alojamiento temporal y orientación legal a personas refugiadas y solicitantes de asilo.',
    language: 'es',
    city: 'Quito',
    country: 'EC',
    themes: ['housing', 'reception-and-welcoming'],
  },
];

describe.each(testEngines())('search across languages on %s', (engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  const ids = async (qs: string, locale: string) =>
    (await searchPractices(db, parseSearchParams(new URLSearchParams(qs)).params, { locale, pageSize: 100 })).hits.map((h) => h.id);

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    await db.transaction().execute(async (trx) => {
      for (const r of records) await upsertPractice(trx, r, { author: 'test', message: 'fixture' });
    });
  });
  afterAll(async () => drop());

  it('English: stems the query in English', async () => {
    expect(await ids('q=refugee+housing', 'en')).toContain('medellin-transitional-housing');
  });

  it('French: "logement" finds English-only housing practices through the glossary', async () => {
    const found = await ids('q=logement', 'fr');
    expect(found).toContain('medellin-transitional-housing');
    expect(found).toContain('kazan-migrant-adaptation-centre');
  });

  it('Spanish: stems Spanish ("refugiadas") and crosses to English ("vivienda" → housing)', async () => {
    expect(await ids('q=refugiada', 'es')).toContain('quito-casa-de-acogida');
    expect(await ids('q=vivienda', 'es')).toContain('athens-curing-the-limbo');
  });

  it('Russian: stems Russian, folds ё, and crosses languages', async () => {
    expect(await ids('q=жилье', 'ru')).toContain('kazan-migrant-adaptation-centre');
    expect(await ids('q=мигрантов', 'ru')).toContain('kazan-migrant-adaptation-centre');
    expect(await ids('q=жильё', 'ru')).toContain('medellin-transitional-housing');
  });

  it('Arabic: folds diacritics, hamza forms and taa marbuta', async () => {
    expect(await ids('q=مدرسه', 'ar')).toContain('casablanca-migrant-school-access');
    expect(await ids('q=المدرسة', 'ar')).toContain('casablanca-migrant-school-access');
    expect(await ids('q=أطفال', 'ar')).toContain('casablanca-migrant-school-access');
    expect(await ids('q=اطفال', 'ar')).toContain('casablanca-migrant-school-access');
  });

  it('Arabic: "سكن" finds housing practices written in other languages', async () => {
    expect(await ids('q=سكن', 'ar')).toContain('medellin-transitional-housing');
  });

  it('Chinese: finds a word inside unspaced Chinese text', async () => {
    expect(await ids('q=普通话', 'zh')).toContain('chengdu-community-language-classes');
    expect(await ids('q=新移民', 'zh')).toContain('chengdu-community-language-classes');
    expect(await ids('q=就业指导', 'zh')).toContain('chengdu-community-language-classes');
  });

  it('Chinese: "住房" finds housing practices written in other languages', async () => {
    const found = await ids('q=住房', 'zh');
    expect(found).toContain('medellin-transitional-housing');
    expect(found).toContain('quito-casa-de-acogida');
  });

  it('finds a practice through its translation', async () => {
    // nyc-idnyc is English with a Spanish translation.
    expect(await ids('q=carnet+de+identidad+municipal', 'es')).toContain('nyc-idnyc');
  });

  it('does not "correct" a glossary word into an unrelated one', async () => {
    const r = await searchPractices(db, parseSearchParams(new URLSearchParams('q=logement')).params, { locale: 'en' });
    expect(r.explanation?.corrected).toEqual([]);
    expect(r.explanation?.unmatched).toEqual([]);
  });
});
