import { describe, expect, it } from 'vitest';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { formValues as formValuesOf } from '../shared/form-values.ts';
import { checkComplete, draftFromValues, valuesFromRecord } from './practice-form.convert.ts';
import { fieldsOfStep, formSteps, mergeDraft, type PracticeFormValues, recordFieldsOfStep, stepOfField } from './practice-form.fields.ts';

/** A record using every field the form edits (and the ones it leaves to others). */
function fullRecord(overrides: Partial<PracticeRecord> = {}): PracticeRecord {
  return {
    id: 'welcome-desk-turin',
    title: 'Welcome desk for newcomers',
    summary: 'A single desk where newcomers find every municipal service.',
    language: 'en',
    body: '## Overview\n\nThe desk opened in 2015.\n',
    city: 'Turin',
    country: 'IT',
    location: { lat: 45.07, lon: 7.69 },
    level: 'local',
    started: 2015,
    ended: 2021,
    status: 'ended',
    themes: ['reception-and-welcoming', 'housing'],
    actor_types: ['local-government', 'civil-society'],
    lead_organization: 'City of Turin',
    partners: [{ name: 'Caritas', support: 'technical' }, { name: 'Compagnia di San Paolo' }],
    target_groups: ['asylum seekers', 'young people'],
    challenge: 'Newcomers were sent **from office to office**.',
    approach: '- one desk\n- one file',
    outcomes: 'Waiting times halved.',
    evaluation: 'Evaluated by the University of Turin.',
    lessons: 'Opening hours in the evening did not work.',
    transferability: 'Needs a shared case file.',
    evidence_level: 3,
    sources: [{ url: 'https://example.org/report', title: 'Final report' }, { url: 'http://example.com/page' }],
    contact: { organization: 'city-of-turin', person: 'ana-lopez' },
    translations: { fr: { title: 'Guichet d’accueil' } },
    adapted_from: [{ id: 'one-stop-shop-lisbon' }],
    updated: '2024-05-01',
    ...overrides,
  };
}

/** The record without the fields the form leaves to other parts. */
function formPart(record: PracticeRecord): Partial<PracticeRecord> {
  const { id: _id, translations: _t, adapted_from: _a, updated: _u, ...rest } = record;
  return rest;
}

/** Values for a complete, minimal practice; overrides replace fields. */
function minimalValues(overrides: PracticeFormValues = {}): PracticeFormValues {
  return { title: 'Night school', summary: 'Evening classes.', language: 'fr', themes: 'education', country: 'FR', city: 'Lyon', ...overrides };
}

describe('record → form values → draft', () => {
  it('gives back the record’s fields', () => {
    const record = fullRecord();
    const { draft, errors } = draftFromValues(valuesFromRecord(record), formSteps);
    expect(errors).toEqual({});
    expect(draft).toEqual(formPart(record));
    expect(checkComplete(draft)).toEqual({ ok: true });
  });

  it('keeps a minimal record minimal (no defaults added)', () => {
    const record: PracticeRecord = { id: 'x-y-z', title: 'Tiny', summary: 'Short.', language: 'ar', country: 'JO', themes: ['health'], level: 'national' };
    expect(draftFromValues(valuesFromRecord(record), formSteps).draft).toEqual(formPart(record));
  });

  it('reads browser line endings and spare empty rows as the record has them', () => {
    const record = fullRecord();
    const values = valuesFromRecord(record);
    values.body = (values.body as string).replace(/\n/g, '\r\n');
    values.partner_name = [...(values.partner_name as string[]), '', ''];
    values.partner_support = [...(values.partner_support as string[]), '', ''];
    values.source_url = ['', ...(values.source_url as string[]), ''];
    values.source_title = ['', ...(values.source_title as string[]), ''];
    expect(draftFromValues(values, formSteps).draft).toEqual(formPart(record));
  });

  it('turns single posted values into lists and drops uploaded files', () => {
    const values = formValuesOf({ themes: 'health', partner_name: 'Red Cross', partner_support: '', file: new Blob(['x']) });
    expect(values).toEqual({ themes: 'health', partner_name: 'Red Cross', partner_support: '' });
    expect(draftFromValues(values, ['basics', 'place']).draft).toEqual({ themes: ['health'], partners: [{ name: 'Red Cross' }] });
  });
});

describe('partial drafts', () => {
  it('accepts an empty form without errors', () => {
    expect(draftFromValues({}, formSteps)).toEqual({ draft: {}, errors: {} });
  });

  it('leaves out the fields of other steps', () => {
    const values = valuesFromRecord(fullRecord());
    const { draft } = draftFromValues(values, ['how']);
    expect(Object.keys(draft).sort()).toEqual(['approach', 'body', 'challenge']);
  });

  it('reads only the steps asked for, even with problems elsewhere', () => {
    const { draft, errors } = draftFromValues({ title: 'A title', started: 'soon', source_url: 'ftp://x' }, ['basics']);
    expect(draft).toEqual({ title: 'A title' });
    expect(errors).toEqual({ started: 'form.error.year' });
  });

  it('parses target groups separated by Latin, Arabic and CJK commas', () => {
    const { draft } = draftFromValues({ target_groups: 'women, youth،  refugees、 elderly , youth' }, ['place']);
    expect(draft.target_groups).toEqual(['women', 'youth', 'refugees', 'elderly']);
  });

  it('merging a step clears what the person emptied in it', () => {
    const saved = formPart(fullRecord());
    const { draft } = draftFromValues({ challenge: 'New challenge' }, ['how']);
    const merged = mergeDraft(saved, draft, ['how']);
    expect(merged.challenge).toBe('New challenge');
    expect(merged.body).toBeUndefined();
    expect(merged.title).toBe(saved.title);
  });
});

describe('what is refused, and with which message', () => {
  const cases: [string, PracticeFormValues, readonly (typeof formSteps)[number][], Record<string, string>][] = [
    ['too long title', { title: 'x'.repeat(201) }, ['basics'], { title: 'form.error.title_length' }],
    ['too short title', { title: 'ab' }, ['basics'], { title: 'form.error.title_length' }],
    ['too long summary', { summary: 'x'.repeat(2001) }, ['basics'], { summary: 'form.error.too_long' }],
    ['too long Markdown', { body: 'x'.repeat(50_001) }, ['how'], { body: 'form.error.too_long' }],
    ['unknown theme', { themes: ['housing', 'housng'] }, ['basics'], { themes: 'form.error.choice' }],
    ['unknown status', { status: 'paused' }, ['basics'], { status: 'form.error.choice' }],
    ['bad language code', { language: 'eng' }, ['basics'], { language: 'form.error.choice' }],
    ['year not a number', { started: 'two thousand' }, ['basics'], { started: 'form.error.year' }],
    ['year out of range', { ended: '1850' }, ['basics'], { ended: 'form.error.year' }],
    ['ended before started', { started: '2020', ended: '2019' }, ['basics'], { ended: 'form.error.ended_before_started' }],
    ['unknown country', { country: 'XX' }, ['place'], { country: 'form.error.country' }],
    ['unknown level', { level: 'global' }, ['place'], { level: 'form.error.choice' }],
    ['unknown actor type', { actor_types: 'aliens' }, ['place'], { actor_types: 'form.error.choice' }],
    ['latitude not a number', { location_lat: 'north', location_lon: '7' }, ['place'], { location_lat: 'form.error.number' }],
    ['latitude out of range', { location_lat: '91', location_lon: '7' }, ['place'], { location_lat: 'form.error.latitude' }],
    ['longitude out of range', { location_lat: '45', location_lon: '-181' }, ['place'], { location_lon: 'form.error.longitude' }],
    ['latitude without longitude', { location_lat: '45' }, ['place'], { location_lon: 'form.error.location_pair' }],
    [
      'partner with support but no name',
      { partner_name: ['A', ''], partner_support: ['', 'financial'] },
      ['place'],
      { 'partner_name-1': 'form.error.partner_name_required' },
    ],
    ['unknown kind of support', { partner_name: 'A', partner_support: 'moral' }, ['place'], { 'partner_support-0': 'form.error.choice' }],
    ['too long partner name', { partner_name: 'x'.repeat(301) }, ['place'], { 'partner_name-0': 'form.error.too_long' }],
    ['too long target group', { target_groups: `ok, ${'x'.repeat(121)}` }, ['place'], { target_groups: 'form.error.tag_too_long' }],
    ['unknown evidence level', { evidence_level: '6' }, ['results'], { evidence_level: 'form.error.choice' }],
    ['URL without scheme', { source_url: ['https://ok.example', 'example.org'] }, ['sources'], { 'source_url-1': 'form.error.url' }],
    ['javascript: URL', { source_url: 'javascript:alert(1)' }, ['sources'], { 'source_url-0': 'form.error.url' }],
    ['too long URL', { source_url: `https://example.org/${'x'.repeat(2000)}` }, ['sources'], { 'source_url-0': 'form.error.too_long' }],
    ['source title without URL', { source_url: '', source_title: 'Report' }, ['sources'], { 'source_url-0': 'form.error.url_required' }],
    ['too long source title', { source_url: 'https://example.org', source_title: 'x'.repeat(301) }, ['sources'], { 'source_title-0': 'form.error.too_long' }],
  ];
  for (const [what, values, steps, expected] of cases) {
    it(what, () => {
      const { draft, errors } = draftFromValues(values, steps);
      expect(errors).toEqual(expected);
      // The faulty field never reaches the draft.
      for (const field of Object.keys(expected)) expect(Object.keys(draft)).not.toContain(field.replace(/-\d+$/, ''));
    });
  }

  it('leaves a faulty repeated list out of the draft entirely', () => {
    const { draft } = draftFromValues({ source_url: ['https://ok.example', 'nope'] }, ['sources']);
    expect(draft.sources).toBeUndefined();
  });
});

describe('checkComplete', () => {
  it('accepts a minimal complete practice', () => {
    const { draft } = draftFromValues(minimalValues(), formSteps);
    expect(checkComplete(draft)).toEqual({ ok: true });
  });

  it('names every missing required field', () => {
    expect(checkComplete({})).toEqual({
      ok: false,
      errors: {
        title: 'form.error.required',
        summary: 'form.error.required',
        language: 'form.error.required',
        country: 'form.error.required',
        themes: 'form.error.theme_required',
        city: 'form.error.city_required',
      },
    });
  });

  it('needs a city only for local practices', () => {
    const local = draftFromValues(minimalValues({ city: '' }), formSteps).draft;
    expect(checkComplete(local)).toEqual({ ok: false, errors: { city: 'form.error.city_required' } });
    const national = draftFromValues(minimalValues({ city: '', level: 'national' }), formSteps).draft;
    expect(checkComplete(national)).toEqual({ ok: true });
  });

  it('refuses an end before the start even when the draft was assembled elsewhere', () => {
    const { draft } = draftFromValues(minimalValues(), formSteps);
    expect(checkComplete({ ...draft, started: 2020, ended: 2018 })).toEqual({ ok: false, errors: { ended: 'form.error.ended_before_started' } });
  });

  it('maps schema problems to the form field they belong to', () => {
    const { draft } = draftFromValues(minimalValues(), formSteps);
    const result = checkComplete({ ...draft, sources: [{ url: 'mailto:a@b.c' }], location: { lat: 100, lon: 0 } });
    expect(result).toEqual({ ok: false, errors: { 'source_url-0': 'form.error.invalid', location_lat: 'form.error.invalid' } });
  });
});

describe('steps', () => {
  it('places every form field in exactly one step', () => {
    const all = formSteps.flatMap((s) => fieldsOfStep(s));
    expect(new Set(all).size).toBe(all.length);
    for (const step of formSteps) for (const field of fieldsOfStep(step)) expect(stepOfField(field)).toBe(step);
  });

  it('finds the step of row fields and record paths', () => {
    expect(stepOfField('partner_name-3')).toBe('place');
    expect(stepOfField('source_url-0')).toBe('sources');
    expect(stepOfField('sources.1.url')).toBe('sources');
    expect(stepOfField('location')).toBe('place');
    expect(stepOfField('evidence_level')).toBe('results');
    expect(stepOfField('form')).toBe('basics');
  });

  it('covers every record field except the ones other parts handle', () => {
    const covered = formSteps.flatMap((s) => recordFieldsOfStep(s)).sort();
    const all = Object.keys(fullRecord())
      .filter((k) => !['id', 'translations', 'adapted_from', 'updated'].includes(k))
      .sort();
    expect(covered).toEqual(all);
  });
});
