import fs from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../shared/project-root.ts';
import { type Framework, framework, type OutcomeIndicator, outcomeIndicators } from './framework.ts';

/**
 * The framework's words in each interface language: `data/self-assessment-v<version>.<lang>.json`
 * beside the English framework, holding every dimension's description, every question's text,
 * options and evidence hint, and every indicator's title, definition and unit, under the same
 * stable codes. English is the framework itself (and authoritative); a language without a file
 * reads English. Every file is checked when loaded: the same codes as the framework, none missing
 * and none added, nothing empty.
 */

const words = z.string().trim().min(1);

const textSchema = z.object({
  version: z.number().int().positive(),
  dimensions: z.record(z.string(), z.object({ description: words }).strict()),
  questions: z.record(z.string(), z.object({ text: words, evidence_hint: words, options: z.record(z.string(), words) }).strict()),
  indicators: z.record(z.string(), z.object({ title: words, definition: words, unit: words }).strict()),
});

export type FrameworkText = z.infer<typeof textSchema>;

/** The English text, taken from the framework and its indicators. */
function englishText(f: Framework, indicators: OutcomeIndicator[]): FrameworkText {
  return {
    version: f.version,
    dimensions: Object.fromEntries(f.dimensions.map((d) => [d.code, { description: d.description }])),
    questions: Object.fromEntries(
      f.dimensions.flatMap((d) =>
        d.questions.map((q) => [
          q.code,
          { text: q.text, evidence_hint: q.evidence_hint, options: Object.fromEntries(q.options.map((o) => [o.value, o.label])) },
        ]),
      ),
    ),
    indicators: Object.fromEntries(indicators.map((i) => [i.code, { title: i.title, definition: i.definition, unit: i.unit }])),
  };
}

/** Every difference of codes between a translation and the English text, as "path: missing" or "path: not in the framework". */
export function codeDifferences(english: FrameworkText, other: FrameworkText): string[] {
  const out: string[] = [];
  if (other.version !== english.version) out.push(`version: ${other.version}, the framework is ${english.version}`);
  const compare = (path: string, a: object, b: object) => {
    for (const key of Object.keys(a)) if (!(key in b)) out.push(`${path}${key}: missing`);
    for (const key of Object.keys(b)) if (!(key in a)) out.push(`${path}${key}: not in the framework`);
  };
  compare('dimensions.', english.dimensions, other.dimensions);
  compare('questions.', english.questions, other.questions);
  compare('indicators.', english.indicators, other.indicators);
  for (const [code, q] of Object.entries(english.questions))
    if (other.questions[code]) compare(`questions.${code}.options.`, q.options, other.questions[code].options);
  return out;
}

/** Reads and checks the translations of a framework version; a malformed one stops the server at start, never a page. */
function loadTexts(f: Framework, indicators: OutcomeIndicator[]): Map<string, FrameworkText> {
  const english = englishText(f, indicators);
  const texts = new Map<string, FrameworkText>([['en', english]]);
  const dir = projectPath('src', 'framework', 'data');
  const pattern = new RegExp(`^self-assessment-v${f.version}\\.([a-z]{2})\\.json$`);
  for (const file of fs.readdirSync(dir).sort()) {
    const lang = pattern.exec(file)?.[1];
    if (!lang) continue;
    const text = textSchema.parse(JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8')));
    const differences = codeDifferences(english, text);
    if (differences.length) throw new Error(`${file} does not match the framework: ${differences.slice(0, 10).join('; ')}`);
    texts.set(lang, text);
  }
  return texts;
}

const texts = loadTexts(framework, outcomeIndicators);

/**
 * The framework's words for a reader, and the language they are in: the reader's language
 * where the project has translated the framework, else English.
 * @example const { lang, text } = frameworkTextFor('fr'); text.questions['leadership-and-strategy.1'].text
 */
export function frameworkTextFor(locale: string): { lang: string; text: FrameworkText } {
  const text = texts.get(locale);
  return text ? { lang: locale, text } : { lang: 'en', text: texts.get('en') as FrameworkText };
}

/** The languages the framework is written in. */
export const frameworkLanguages = (): string[] => [...texts.keys()].sort();
