import { countryExists } from '../geo/countries.ts';
import { type PracticeRecord, practiceRecordSchema } from '../practices/practice.schema.ts';
import { unstorableFields } from '../shared/storable-text.ts';
import { actorTypes, levels, statuses, supportKinds, themes } from '../vocabulary/vocabularies.ts';
import { type FormErrors, type FormStep, fieldsOfStep, markdownFields, maxLengths, minTitleLength, type PracticeFormValues } from './practice-form.fields.ts';

type Draft = Record<string, unknown>;

/** The one value of a field (the first if it was posted twice), with browser line endings (CRLF) made LF. */
function single(values: PracticeFormValues, name: string): string {
  const v = values[name];
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.replace(/\r\n?/g, '\n');
}

/** Every value posted under a name: checkbox lists and repeated rows. */
function many(values: PracticeFormValues, name: string): string[] {
  const v = values[name];
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.replace(/\r\n?/g, '\n'));
}

/** A stored practice in the form's shape; fields the form does not edit (id, translations, …) are left out. */
export function valuesFromRecord(record: Partial<PracticeRecord>): PracticeFormValues {
  const str = (v: string | number | undefined) => (v === undefined ? '' : String(v));
  const values: PracticeFormValues = {
    title: str(record.title),
    summary: str(record.summary),
    language: str(record.language),
    themes: [...(record.themes ?? [])],
    status: str(record.status),
    started: str(record.started),
    ended: str(record.ended),
    level: str(record.level),
    city: str(record.city),
    country: str(record.country),
    location_lat: str(record.location?.lat),
    location_lon: str(record.location?.lon),
    actor_types: [...(record.actor_types ?? [])],
    lead_organization: str(record.lead_organization),
    contact_organization: str(record.contact?.organization),
    contact_person: str(record.contact?.person),
    partner_name: (record.partners ?? []).map((p) => p.name),
    partner_support: (record.partners ?? []).map((p) => p.support ?? ''),
    target_groups: (record.target_groups ?? []).join(', '),
    evidence_level: str(record.evidence_level),
    source_url: (record.sources ?? []).map((s) => s.url),
    source_title: (record.sources ?? []).map((s) => s.title ?? ''),
  };
  for (const name of markdownFields) values[name] = str(record[name]);
  return values;
}

/** Collects a step's record fields and the message key of each field's first problem. */
interface Parse {
  values: PracticeFormValues;
  draft: Draft;
  errors: FormErrors;
}

/** Plain text, trimmed; refused when longer than `max`. */
function plainText({ values, draft, errors }: Parse, name: string, max: number): void {
  const v = single(values, name).trim();
  if (!v) return;
  if (v.length > max) errors[name] = 'form.error.too_long';
  else draft[name] = v;
}

/** Markdown is kept as typed (only line endings normalised); whitespace alone counts as empty. */
function markdown({ values, draft, errors }: Parse, name: string): void {
  const v = single(values, name);
  if (!v.trim()) return;
  if (v.length > maxLengths.markdown) errors[name] = 'form.error.too_long';
  else draft[name] = v;
}

/** One code of a closed list (a select). */
function choice({ values, draft, errors }: Parse, name: string, allowed: readonly string[]): void {
  const v = single(values, name).trim();
  if (!v) return;
  if (allowed.includes(v)) draft[name] = v;
  else errors[name] = 'form.error.choice';
}

/** Codes of a closed list (checkboxes), each once, in the order posted. */
function choices({ values, draft, errors }: Parse, name: string, allowed: readonly string[]): void {
  const v = [
    ...new Set(
      many(values, name)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (!v.length) return;
  if (v.every((c) => allowed.includes(c))) draft[name] = v;
  else errors[name] = 'form.error.choice';
}

/** A year between 1900 and 2100, as the exchange format allows. */
function year({ values, draft, errors }: Parse, name: string): void {
  const v = single(values, name).trim();
  if (!v) return;
  const n = /^\d{4}$/.test(v) ? Number(v) : NaN;
  if (n >= 1900 && n <= 2100) draft[name] = n;
  else errors[name] = 'form.error.year';
}

/** A decimal number as people type it: "45.07", "45,07", "−7.68" (typographic minus). */
function decimal(text: string): number | undefined {
  const v = text
    .trim()
    .replace(/^\u2212/, '-')
    .replace(',', '.');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : undefined;
}

/** Latitude and longitude come together or not at all; each in its WGS84 range. */
function location({ values, draft, errors }: Parse): void {
  const lat = single(values, 'location_lat').trim();
  const lon = single(values, 'location_lon').trim();
  if (!lat && !lon) return;
  const la = lat ? decimal(lat) : undefined;
  const lo = lon ? decimal(lon) : undefined;
  if (!lat) errors.location_lat = 'form.error.location_pair';
  else if (la === undefined || lat.length > maxLengths.coordinate) errors.location_lat = 'form.error.number';
  else if (la < -90 || la > 90) errors.location_lat = 'form.error.latitude';
  if (!lon) errors.location_lon = 'form.error.location_pair';
  else if (lo === undefined || lon.length > maxLengths.coordinate) errors.location_lon = 'form.error.number';
  else if (lo < -180 || lo > 180) errors.location_lon = 'form.error.longitude';
  if (!errors.location_lat && !errors.location_lon) draft.location = { lat: la, lon: lo };
}

/** Partner rows; a row with neither name nor kind of support is one of the spare empty rows. */
function partners({ values, draft, errors }: Parse): void {
  const names = many(values, 'partner_name');
  const kinds = many(values, 'partner_support');
  const list: { name: string; support?: string }[] = [];
  for (let i = 0; i < Math.max(names.length, kinds.length); i++) {
    const name = (names[i] ?? '').trim();
    const support = (kinds[i] ?? '').trim();
    if (!name && !support) continue;
    if (!name) errors[`partner_name-${i}`] = 'form.error.partner_name_required';
    else if (name.length > maxLengths.partner_name) errors[`partner_name-${i}`] = 'form.error.too_long';
    if (support && !(supportKinds as readonly string[]).includes(support)) errors[`partner_support-${i}`] = 'form.error.choice';
    list.push(support ? { name, support } : { name });
  }
  const rowProblem = Object.keys(errors).some((k) => k.startsWith('partner_'));
  if (list.length && !rowProblem) draft.partners = list;
}

/** Target groups: free tags separated by commas (Latin, Arabic or CJK) or semicolons. */
function targetGroups({ values, draft, errors }: Parse): void {
  const typed = many(values, 'target_groups');
  if (typed.some((s) => s.length > maxLengths.target_groups)) {
    errors.target_groups = 'form.error.too_long';
    return;
  }
  const tags = [
    ...new Set(
      typed
        .flatMap((s) => s.split(/[,،，、;；]/))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.some((s) => s.length > maxLengths.target_group)) errors.target_groups = 'form.error.tag_too_long';
  else if (tags.length) draft.target_groups = tags;
}

/** An http(s) address the schema will accept. */
function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url);
}

/** Source rows (address + optional title); empty rows are the spare ones. */
function sources({ values, draft, errors }: Parse): void {
  const urls = many(values, 'source_url');
  const titles = many(values, 'source_title');
  const list: { url: string; title?: string }[] = [];
  for (let i = 0; i < Math.max(urls.length, titles.length); i++) {
    const url = (urls[i] ?? '').trim();
    const title = (titles[i] ?? '').trim();
    if (!url && !title) continue;
    if (!url) errors[`source_url-${i}`] = 'form.error.url_required';
    else if (url.length > maxLengths.source_url) errors[`source_url-${i}`] = 'form.error.too_long';
    else if (!isHttpUrl(url)) errors[`source_url-${i}`] = 'form.error.url';
    if (title.length > maxLengths.source_title) errors[`source_title-${i}`] = 'form.error.too_long';
    list.push(title ? { url, title } : { url });
  }
  const rowProblem = Object.keys(errors).some((k) => k.startsWith('source_'));
  if (list.length && !rowProblem) draft.sources = list;
}

/** A slug as the directory and public profiles have them: what `contact` names. */
const slugPattern = /^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** The contact: an organisation's slug and/or a person's, each refused when it is not a slug (whether it exists is the practice page's and the import's business). */
function contact({ values, draft, errors }: Parse): void {
  const found: { organization?: string; person?: string } = {};
  for (const [field, key] of [
    ['contact_organization', 'organization'],
    ['contact_person', 'person'],
  ] as const) {
    // People paste the address of the page: its last segment is the slug.
    const v = single(values, field)
      .trim()
      .replace(/^.*\/(?:organizations|people)\//, '')
      .replace(/[/?#].*$/, '')
      .toLowerCase();
    if (!v) continue;
    if (v.length > maxLengths.contact_slug || !slugPattern.test(v)) errors[field] = 'form.error.slug';
    else found[key] = v;
  }
  if ((found.organization || found.person) && !errors.contact_organization && !errors.contact_person) draft.contact = found;
}

const parsers: Record<FormStep, (p: Parse) => void> = {
  basics(p) {
    const title = single(p.values, 'title').trim();
    if (title && (title.length < minTitleLength || title.length > maxLengths.title)) p.errors.title = 'form.error.title_length';
    else if (title) p.draft.title = title;
    plainText(p, 'summary', maxLengths.summary);
    const language = single(p.values, 'language').trim().toLowerCase();
    if (language && /^[a-z]{2}$/.test(language)) p.draft.language = language;
    else if (language) p.errors.language = 'form.error.choice';
    choices(p, 'themes', themes);
    choice(p, 'status', statuses);
    year(p, 'started');
    year(p, 'ended');
    const { started, ended } = p.draft as { started?: number; ended?: number };
    if (started !== undefined && ended !== undefined && ended < started) p.errors.ended = 'form.error.ended_before_started';
  },
  place(p) {
    choice(p, 'level', levels);
    plainText(p, 'city', maxLengths.city);
    const country = single(p.values, 'country').trim().toUpperCase();
    if (country && countryExists(country)) p.draft.country = country;
    else if (country) p.errors.country = 'form.error.country';
    location(p);
    choices(p, 'actor_types', actorTypes);
    plainText(p, 'lead_organization', maxLengths.lead_organization);
    partners(p);
    contact(p);
    targetGroups(p);
  },
  how(p) {
    for (const name of ['challenge', 'approach', 'body']) markdown(p, name);
  },
  results(p) {
    for (const name of ['outcomes', 'evaluation', 'lessons', 'transferability']) markdown(p, name);
    const level = single(p.values, 'evidence_level').trim();
    if (/^[1-5]$/.test(level)) p.draft.evidence_level = Number(level);
    else if (level) p.errors.evidence_level = 'form.error.choice';
  },
  sources,
};

/**
 * Parses the posted fields of the given steps into record fields; lenient about missing
 * required fields (a draft may be incomplete) but strict about what is there: lengths, years,
 * URLs, vocabulary codes, numbers. Fields of other steps are left out of `draft`.
 * @example draftFromValues(values, ['basics']).errors // { started: 'form.error.year' }
 */
export function draftFromValues(values: PracticeFormValues, steps: readonly FormStep[]): { draft: Partial<PracticeRecord>; errors: FormErrors } {
  const p: Parse = { values, draft: {}, errors: {} };
  for (const step of new Set(steps)) {
    // Text no record may hold is refused first: its field (its row) is then left out by every parser below.
    const posted = Object.fromEntries(fieldsOfStep(step).map((name) => [name, values[name]]));
    Object.assign(p.errors, unstorableFields(posted, rowField));
    parsers[step](p);
  }
  // A field with a problem is left out rather than half-parsed, so the draft stays valid as far as it goes.
  for (const name of Object.keys(p.errors)) delete p.draft[name];
  return { draft: p.draft as Partial<PracticeRecord>, errors: p.errors };
}

/** The form field of a posted row: partner and source rows have one per row (`partner_name-2`), as their messages do. */
function rowField(name: string, row: number | undefined): string {
  return row !== undefined && /^(partner|source)_/.test(name) ? `${name}-${row}` : name;
}

/** The form field an issue of practiceRecordSchema belongs to; fields the form does not show map to 'form'. */
function fieldOfPath(path: readonly PropertyKey[]): string {
  const [head, index, sub] = path;
  if (head === 'location') return index === 'lon' ? 'location_lon' : 'location_lat';
  if (head === 'partners') return typeof index === 'number' ? `partner_${sub === 'support' ? 'support' : 'name'}-${index}` : 'partner_name-0';
  if (head === 'sources') return typeof index === 'number' ? `source_${sub === 'title' ? 'title' : 'url'}-${index}` : 'source_url-0';
  if (head === 'contact') return index === 'person' ? 'contact_person' : 'contact_organization';
  if (typeof head === 'string' && head in valuesFromRecord({})) return head;
  return 'form';
}

/**
 * The full check before submitting/publishing: every required field, cross-field rules
 * (city required for local level, ended ≥ started). `id` is not the form's business: a
 * placeholder id is used when validating with practiceRecordSchema.
 * @example checkComplete(draft) // { ok: false, errors: { city: 'form.error.city_required' } }
 */
export function checkComplete(draft: Partial<PracticeRecord>): { ok: true } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!draft.title?.trim()) errors.title = 'form.error.required';
  if (!draft.summary?.trim()) errors.summary = 'form.error.required';
  if (!draft.language) errors.language = 'form.error.required';
  if (!draft.country) errors.country = 'form.error.required';
  if (!draft.themes?.length) errors.themes = 'form.error.theme_required';
  if ((draft.level ?? 'local') === 'local' && !draft.city?.trim()) errors.city = 'form.error.city_required';
  if (draft.started !== undefined && draft.ended !== undefined && draft.ended < draft.started) errors.ended = 'form.error.ended_before_started';
  // The schema is the final word; anything it refuses that the rules above did not name still stops the save.
  const parsed = practiceRecordSchema.safeParse({ ...draft, id: 'form-placeholder' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[fieldOfPath(issue.path)] ??= 'form.error.invalid';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}
