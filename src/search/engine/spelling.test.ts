import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from './spelling.ts';
import { TextIndex } from './text-index.ts';

function indexOf(...texts: string[]): TextIndex {
  const index = new TextIndex();
  texts.forEach((text, i) => {
    index.put({ seq: i + 1, hash: String(i), parts: [{ field: 'title', text, language: 'en' }] });
  });
  return index;
}

describe('spelling', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('houseing', 'housing', 2)).toBe(1);
    expect(editDistance('langauge', 'language', 2)).toBe(1);
    expect(editDistance('refugees', 'refugees', 2)).toBe(0);
    expect(editDistance('abc', 'xyzuvw', 2)).toBe(3);
  });

  it('corrects an unknown word to the nearest indexed one, the most common among equals', () => {
    const index = indexOf('Housing for refugees', 'Refugees welcome', 'Health care');
    expect(closestWord(index, 'refugess')).toBe('refugees');
    expect(closestWord(index, 'helth')).toBe('health');
  });

  it('never turns a stop word, a glossary word or a short word of any language into another', () => {
    const index = indexOf('Parts of the city', 'Personal advice', 'Persona project');
    expect(closestWord(index, 'para')).toBeUndefined();
    expect(closestWord(index, 'logement')).toBeUndefined();
    expect(closestWord(index, 'pars')).toBeUndefined();
  });
});
