import { countryName } from '../../src/geo/countries.ts';
import type { PracticeRecord } from '../../src/practices/practice.schema.ts';
import { type ActorType, supportKinds, type Theme } from '../../src/vocabulary/vocabularies.ts';
import type { LanguageVocab } from './language.ts';
import type { Place, PlacePools } from './places.ts';
import { chance, int, pick, type Rng, seededRng, WeightedSampler, zipf } from './random.ts';
import { en } from './vocab-en.ts';
import { es } from './vocab-es.ts';
import { fr } from './vocab-fr.ts';

/** Themes from most to least documented, as in existing clearinghouses. */
const themeOrder: Theme[] = [
  'reception-and-welcoming',
  'employment',
  'language',
  'housing',
  'education',
  'social-cohesion',
  'health',
  'governance-and-coordination',
  'children-and-youth',
  'anti-discrimination',
  'women-and-gender',
  'culture-and-arts',
  'political-participation',
  'data-and-research',
  'undocumented-migrants',
  'public-space-and-urban-planning',
  'policing-and-safety',
  'religion-and-belief',
];
const actorOrder: ActorType[] = [
  'local-government',
  'civil-society',
  'international-organization',
  'migrant-association',
  'national-government',
  'academia',
  'regional-government',
  'private-sector',
  'un-agency',
  'faith-community',
  'police',
];

/** A language's vocabulary with its samplers built once. */
interface Lexicon {
  v: LanguageVocab;
  np: WeightedSampler<string>;
  theme: Record<string, WeightedSampler<string>>;
  adj: WeightedSampler<string>;
  verb: WeightedSampler<string>;
  past: WeightedSampler<string>;
  prog: WeightedSampler<string>;
  name: WeightedSampler<string>;
  group: WeightedSampler<string>;
  rare: WeightedSampler<string>;
  sentence: WeightedSampler<string>;
}

function lexicon(v: LanguageVocab): Lexicon {
  return {
    v,
    np: zipf(v.nounPhrases),
    theme: Object.fromEntries(Object.entries(v.themePhrases).map(([k, list]) => [k, zipf(list, 0.9)])),
    adj: zipf(v.adjectives, 0.9),
    verb: zipf(v.verbs, 0.8),
    past: zipf(v.pastVerbs, 0.8),
    prog: zipf(v.programmes, 0.9),
    name: zipf(v.programmeNames, 0.8),
    group: zipf(v.targetGroups, 1.1),
    rare: zipf(v.rareWords, 0.6, 1),
    sentence: zipf(v.sentences, 0.4),
  };
}

/** What every record needs: the seed, the city pools and the lexicons; plus programme names by index, for lineage. */
export interface CorpusContext {
  seed: number;
  places: PlacePools;
  lex: Record<'en' | 'fr' | 'es', Lexicon>;
  themes: WeightedSampler<Theme>;
  actors: WeightedSampler<ActorType>;
  evidence: WeightedSampler<number>;
  names: string[];
}

/** Builds the shared, read-only part of the generator. */
export function corpusContext(seed: number, places: PlacePools): CorpusContext {
  return {
    seed,
    places,
    lex: { en: lexicon(en), fr: lexicon(fr), es: lexicon(es) },
    themes: zipf(themeOrder, 0.8, 1.5),
    actors: zipf(actorOrder, 1.2, 1),
    evidence: new WeightedSampler([1, 2, 3, 4, 5], [35, 30, 18, 10, 7]),
    names: [],
  };
}

/** Fills templates for one record: its place, organisation, themes and programme name. */
class Writer {
  words = 0;
  constructor(
    private readonly rng: Rng,
    private readonly lx: Lexicon,
    private readonly ctx: { city: string; country: string; themes: Theme[]; name: string; org: () => string },
  ) {}

  private slot(name: string): string {
    const { rng, lx } = this;
    switch (name) {
      case 'np':
        return chance(rng, 0.25) ? this.slot('tp') : lx.np.sample(rng);
      case 'tp':
        return (lx.theme[pick(rng, this.ctx.themes)] as WeightedSampler<string>).sample(rng);
      case 'adj':
        return lx.adj.sample(rng);
      case 'verb':
        return lx.verb.sample(rng);
      case 'past':
        return lx.past.sample(rng);
      case 'prog':
        return lx.prog.sample(rng);
      case 'group':
        return lx.group.sample(rng);
      case 'rare':
        return lx.rare.sample(rng);
      case 'city':
        return this.ctx.city;
      case 'country':
        return this.ctx.country;
      case 'org':
        return this.ctx.org();
      case 'Name':
        return this.ctx.name;
      case 'n':
        return String(Math.round(5 * 400 ** rng()));
      case 'pct':
        return String(int(rng, 12, 91));
      case 'year':
        return String(int(rng, 2005, 2024));
      default:
        return name;
    }
  }

  fill(template: string): string {
    const out = template.replace(/\{(\w+)\}/g, (_, s: string) => this.slot(s));
    this.words += out.split(' ').length;
    return out.charAt(0).toUpperCase() + out.slice(1);
  }

  sentences(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      let s = this.fill(this.lx.sentence.sample(this.rng));
      if (chance(this.rng, 0.06)) s = s.replace(/ ([^ ]+ [^ ]+) /, ' **$1** ');
      out.push(s);
    }
    return out.join(' ');
  }

  /** A Markdown description of about `target` words in four or five sections. */
  body(target: number): string {
    const h = this.lx.v.headings;
    const start = this.words;
    const parts: string[] = [`## ${h.context}`, this.sentences(int(this.rng, 3, 5)), `## ${h.approach}`, this.sentences(int(this.rng, 3, 5))];
    parts.push(Array.from({ length: int(this.rng, 3, 5) }, () => `- ${this.fill(pick(this.rng, this.lx.v.bullets))}`).join('\n'));
    parts.push(`## ${h.results}`);
    while (this.words - start < target * 0.8) parts.push(this.sentences(int(this.rng, 3, 5)));
    parts.push(`## ${h.lessons}`, this.sentences(int(this.rng, 2, 4)));
    if (chance(this.rng, 0.3)) parts.push(`## ${h.transfer}`, this.sentences(2));
    return parts.join('\n\n');
  }
}

/** ASCII slug for ids: lowercase letters, digits and single hyphens. */
function idSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isoDate(rng: Rng): string {
  const from = Date.UTC(2016, 0, 1);
  const to = Date.UTC(2025, 5, 30);
  return new Date(from + Math.floor(rng() * (to - from))).toISOString().slice(0, 10);
}

/**
 * The practice at a given index: a pure function of (seed, index) and the programme names of
 * earlier records, so corpora of different sizes share their first records.
 * @example const rec = generateRecord(ctx, 0);
 */
export function generateRecord(ctx: CorpusContext, index: number): PracticeRecord {
  const rng = seededRng(ctx.seed, index);
  const r = rng();
  const language: 'en' | 'fr' | 'es' = r < 0.8 ? 'en' : r < 0.9 ? 'fr' : 'es';
  const lx = ctx.lex[language];
  const place: Place = (language === 'en' ? ctx.places.any : ctx.places[language]).sample(rng);
  const country = countryName(place.country, language);

  const themes = ctx.themes.sampleDistinct(rng, pick(rng, [1, 2, 2, 2, 3, 3, 4]));
  const adaptedFrom: NonNullable<PracticeRecord['adapted_from']> = [];
  if (index >= 50 && chance(rng, 0.07)) {
    for (let k = chance(rng, 0.8) ? 1 : 2; k > 0; k--) {
      const j = Math.floor(index * rng() ** 3);
      if (!adaptedFrom.some((a) => a.id === `#${j}`)) adaptedFrom.push({ id: `#${j}` });
    }
  }
  const name = adaptedFrom.length > 0 ? (ctx.names[Number(adaptedFrom[0]?.id.slice(1))] ?? lx.name.sample(rng)) : lx.name.sample(rng);
  ctx.names[index] = name;

  const orgTemplates = zipfOrgs(lx);
  const org = () => orgTemplates.sample(rng).replace('{city}', place.name).replace('{country}', country);
  const w = new Writer(rng, lx, { city: place.name, country, themes, name, org });

  const title = w.fill(pick(rng, lx.v.titles)).slice(0, 200).trim();
  const summary = [w.fill(pick(rng, lx.v.summaryOpeners)), w.sentences(int(rng, 1, 3))].join(' ');
  const idBase = idSlug(`${place.name} ${name} ${themes[0]}`).slice(0, 60).replace(/-+$/, '');
  const id = `${idBase || 'practice'}-${index.toString(36)}`;

  const levelRoll = rng();
  const level = levelRoll < 0.85 ? 'local' : levelRoll < 0.92 ? 'regional' : levelRoll < 0.97 ? 'national' : 'transnational';
  const started = chance(rng, 0.9) ? 2024 - Math.floor(24 * rng() ** 1.8) : undefined;
  const statusRoll = rng();
  const status = statusRoll < 0.4 ? 'ongoing' : statusRoll < 0.65 ? 'ended' : statusRoll < 0.8 ? 'mainstreamed' : statusRoll < 0.9 ? 'unknown' : undefined;

  const rec: PracticeRecord = {
    id,
    title,
    summary: summary.slice(0, 2000),
    language,
    body: w.body(int(rng, 320, 480)),
    country: place.country,
    themes,
  };
  if (level === 'local' || chance(rng, 0.5)) rec.city = place.name;
  if (chance(rng, 0.3)) rec.location = { lat: Math.round(place.lat * 1e4) / 1e4, lon: Math.round(place.lon * 1e4) / 1e4 };
  if (level !== 'local' || chance(rng, 0.3)) rec.level = level;
  if (started !== undefined) rec.started = started;
  if (status === 'ended' && started !== undefined) rec.ended = Math.min(2025, started + int(rng, 0, 6));
  if (status) rec.status = status;
  rec.actor_types = ctx.actors.sampleDistinct(rng, int(rng, 1, 3));
  if (chance(rng, 0.9)) rec.lead_organization = org();
  if (chance(rng, 0.7)) {
    rec.partners = Array.from({ length: int(rng, 1, 4) }, () => ({
      name: org(),
      ...(chance(rng, 0.7) ? { support: pick(rng, supportKinds) } : {}),
    }));
  }
  if (chance(rng, 0.85)) rec.target_groups = lx.group.sampleDistinct(rng, int(rng, 1, 3));
  for (const field of ['challenge', 'approach', 'outcomes', 'evaluation', 'lessons', 'transferability'] as const) {
    if (chance(rng, field === 'outcomes' ? 0.6 : 0.35)) rec[field] = w.sentences(int(rng, 1, 3));
  }
  if (chance(rng, 0.55)) rec.evidence_level = ctx.evidence.sample(rng);
  if (adaptedFrom.length > 0) {
    rec.adapted_from = adaptedFrom.map((a) => ({ id: a.id, ...(chance(rng, 0.7) ? { changes: w.fill(pick(rng, lx.v.changes)) } : {}) }));
  } else if (index >= 50 && chance(rng, 0.01)) {
    rec.adapted_from = [{ id: `elsewhere-practice-${int(rng, 1, 5000)}` }];
  }
  if (chance(rng, 0.8)) {
    rec.sources = Array.from({ length: int(rng, 1, 3) }, (_, k) => ({
      url: `https://www.${idSlug(place.name) || 'city'}-${pick(rng, ['gov', 'info', 'welcome', 'integration'])}.org/${language}/practices/${id}${k ? `/${k}` : ''}`,
      ...(chance(rng, 0.8) ? { title: w.fill(pick(rng, lx.v.titles)).slice(0, 300) } : {}),
    }));
  }
  if (chance(rng, 0.12)) {
    const to: 'en' | 'fr' | 'es' = language === 'en' ? pick(rng, ['fr', 'es'] as const) : 'en';
    const tw = new Writer(rng, ctx.lex[to], { city: place.name, country: countryName(place.country, to), themes, name, org });
    rec.translations = {
      [to]: {
        title: tw.fill(pick(rng, ctx.lex[to].v.titles)).slice(0, 200).trim(),
        summary: tw.sentences(int(rng, 2, 3)).slice(0, 2000),
        ...(chance(rng, 0.4) ? { body: tw.body(int(rng, 250, 400)) } : {}),
        ...(chance(rng, 0.6) ? { machine: true } : {}),
      },
    };
  }
  if (chance(rng, 0.7)) rec.updated = isoDate(rng);
  return rec;
}

const orgSamplers = new WeakMap<Lexicon, WeightedSampler<string>>();
function zipfOrgs(lx: Lexicon): WeightedSampler<string> {
  let s = orgSamplers.get(lx);
  if (!s) {
    s = zipf(lx.v.organizations, 0.7, 1);
    orgSamplers.set(lx, s);
  }
  return s;
}

/**
 * Replaces the `#<index>` placeholders of adapted_from with real ids, once the target's id is
 * known (ids are generated with the record).
 */
export function resolveLinks(rec: PracticeRecord, idOf: (index: number) => string): void {
  for (const link of rec.adapted_from ?? []) {
    if (link.id.startsWith('#')) link.id = idOf(Number(link.id.slice(1)));
  }
}
