import { z } from 'zod';
import { themes } from '../vocabulary/vocabularies.ts';
import outcomeData from './data/outcome-indicators-v1.json' with { type: 'json' };
import frameworkData from './data/self-assessment-v1.json' with { type: 'json' };

/**
 * The city self-assessment framework, shipped as versioned data of the project
 * (`data/self-assessment-v<version>.json`, `data/outcome-indicators-v<version>.json`,
 * from the draft in the shared indicators folder): 12 dimensions of questions scored 0/50/100
 * with weights, and the yearly outcome indicators. Question and option codes are stable; a
 * change of meaning is a new code and a new version, and scores of different versions are never
 * compared. Validated when loaded: a malformed framework stops the server at start, never a page.
 */

const optionSchema = z.object({ value: z.string().min(1), label: z.string().min(1), score: z.union([z.literal(0), z.literal(50), z.literal(100)]) });

const questionSchema = z.object({
  code: z.string().regex(/^[a-z-]+\.\d+$/),
  text: z.string().min(1),
  kind: z.enum(['policy', 'practice', 'outcome']),
  options: z.array(optionSchema).length(3),
  weight: z.union([z.literal(1), z.literal(2)]),
  evidence_hint: z.string().min(1),
});

const dimensionSchema = z.object({
  code: z.string().regex(/^[a-z-]+$/),
  title: z.string().min(1),
  description: z.string().min(1),
  themes: z.array(z.enum(themes)),
  questions: z.array(questionSchema).min(1),
});

const frameworkSchema = z.object({ version: z.number().int().positive(), dimensions: z.array(dimensionSchema).min(1) }).superRefine((f, ctx) => {
  const codes = f.dimensions.flatMap((d) => [d.code, ...d.questions.map((q) => q.code)]);
  for (const code of new Set(codes.filter((c, i) => codes.indexOf(c) !== i))) ctx.addIssue({ code: 'custom', message: `code used twice: ${code}` });
  for (const d of f.dimensions)
    for (const q of d.questions) if (!q.code.startsWith(`${d.code}.`)) ctx.addIssue({ code: 'custom', message: `${q.code} is not named after ${d.code}` });
});

const indicatorSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  definition: z.string().min(1),
  unit: z.string().min(1),
  direction: z.enum(['neutral', 'higher-is-better', 'lower-is-better']),
  /** A dimension's code, or "context" for figures that describe the city rather than rate it. */
  dimension: z.string().min(1),
  typical_sources: z.array(z.string().min(1)),
});

const indicatorsSchema = z.object({ version: z.number().int().positive(), indicators: z.array(indicatorSchema).min(1) });

export type Framework = z.infer<typeof frameworkSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type OutcomeIndicator = z.infer<typeof indicatorSchema>;

/** The current framework. */
export const framework: Framework = frameworkSchema.parse(frameworkData);

/**
 * The framework versions the site ships, by version. A new version adds its data files here
 * and keeps the older ones, so snapshots answered with them are still shown with their own
 * questions (their scores are kept as published, and never compared across versions).
 */
const shipped = new Map<number, Framework>([[framework.version, framework]]);

/** The framework of a version, undefined when the site does not ship it. */
export function frameworkOf(version: number): Framework | undefined {
  return shipped.get(version);
}

/** The outcome and context indicators of the current framework; each names a dimension of it, or "context". */
export const outcomeIndicators: OutcomeIndicator[] = indicatorsSchema
  .superRefine((data, ctx) => {
    const known = new Set(['context', ...framework.dimensions.map((d) => d.code)]);
    for (const i of data.indicators) if (!known.has(i.dimension)) ctx.addIssue({ code: 'custom', message: `${i.code}: unknown dimension ${i.dimension}` });
  })
  .parse(outcomeData).indicators;

/** How many questions of each kind and weight the framework holds: what its page summarises. */
export function frameworkCounts(f: Framework): { dimensions: number; questions: number; doubleWeight: number; byKind: Record<Question['kind'], number> } {
  const questions = f.dimensions.flatMap((d) => d.questions);
  const byKind = { policy: 0, practice: 0, outcome: 0 };
  for (const q of questions) byKind[q.kind]++;
  return { dimensions: f.dimensions.length, questions: questions.length, doubleWeight: questions.filter((q) => q.weight === 2).length, byKind };
}
