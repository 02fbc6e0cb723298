import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { effectiveSort, parseSearchParams, searchQueryString } from './search.params.ts';

const parse = (qs: string, strict = false) => parseSearchParams(new URLSearchParams(qs), { strict });

describe('search parameters', () => {
  it('reads multi-valued filters, in either repeated or comma form', () => {
    const { params } = parse('theme=housing&theme=health&country=it,fr&region=419');
    expect(params.theme).toEqual(['housing', 'health']);
    expect(params.country).toEqual(['IT', 'FR']);
    expect(params.region).toEqual(['419']);
  });

  it('drops unknown values and reports them', () => {
    const { params, notes } = parse('theme=housng&region=123&evidence=7&status=ongoing');
    expect(params.theme).toEqual([]);
    expect(params.status).toEqual(['ongoing']);
    expect(notes.ignored.map((i) => i.param).sort()).toEqual(['evidence', 'region', 'theme']);
  });

  it('cuts a long query at 200 characters', () => {
    const { params, notes } = parse(`q=${'a'.repeat(500)}`);
    expect(params.q.length).toBe(200);
    expect(notes.truncatedQuery).toBe(true);
  });

  it('is lenient on pages and strict in the API', () => {
    expect(parse('page=abc').params.page).toBe(1);
    expect(() => parse('page=abc', true)).toThrow(AppError);
    try {
      parse('page=0&sort=best&from=12', true);
    } catch (e) {
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).fields?.map((f) => f.path).sort()).toEqual(['from', 'page', 'sort']);
    }
  });

  it('sorts by relevance only when there is a query', () => {
    expect(effectiveSort(parse('q=x').params)).toBe('relevance');
    expect(effectiveSort(parse('').params)).toBe('newest');
    expect(effectiveSort(parse('sort=relevance').params)).toBe('newest');
  });

  it('writes a search back to a stable query string', () => {
    const { params } = parse('page=3&theme=health&q=housing&from=2010');
    expect(searchQueryString(params)).toBe('q=housing&theme=health&from=2010&page=3');
    expect(searchQueryString(params, { page: 1 })).toBe('q=housing&theme=health&from=2010');
  });
});
