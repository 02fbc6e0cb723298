import type { FC } from 'hono/jsx';
import { figureNumber, figureText } from '../../cities/figure-format.ts';
import { outcomeIndicators } from '../../framework/framework.ts';
import { frameworkTextFor } from '../../framework/framework-text.ts';
import { type OutcomeSuggestion, yearsBack } from '../../framework/outcome-evidence.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { usePage } from '../../views/page-context.ts';

const indicators = new Map(outcomeIndicators.map((i) => [i.code, i]));

/** What the figures say, in the reader's words: the figures compared, or what is missing. */
function evidenceText(i18n: Translator, s: OutcomeSuggestion): string {
  const { text } = frameworkTextFor(i18n.locale);
  const [code, otherCode] = s.indicators;
  const indicator = indicators.get(code);
  const values: Record<string, string | number> = { indicator: text.indicators[code].title, since: String(s.since), years: yearsBack };
  if (otherCode) values.other = text.indicators[otherCode].title;
  if (s.latest) values.latestYear = String(s.latest.year);
  if (s.reason === 'no-figure') return i18n.t(otherCode ? 'sa.outcome.ratio_no_figure' : 'sa.outcome.no_figure', values);
  if (s.reason === 'too-old') return i18n.t(otherCode ? 'sa.outcome.ratio_too_old' : 'sa.outcome.too_old', values);
  if (!s.latest || !indicator) return '';
  if (s.parts) {
    const other = indicators.get(otherCode);
    values.part = figureText(i18n, indicator, s.parts[0]);
    values.otherPart = other ? figureText(i18n, other, s.parts[1]) : i18n.number(s.parts[1]);
    values.latest = i18n.number(s.latest.value, { maximumFractionDigits: 2 });
    return i18n.t('sa.outcome.ratio', values);
  }
  values.latest = figureText(i18n, indicator, s.latest.value);
  values.earlierYear = String(s.latest.year - yearsBack);
  if (s.earlier) values.earlier = figureNumber(i18n, indicator, s.earlier.value);
  if (s.reason === 'level') return i18n.t('sa.outcome.level', values);
  if (s.reason === 'no-earlier') return i18n.t('sa.outcome.no_earlier', values);
  return i18n.t(s.kind === 'trend' ? 'sa.outcome.compared' : 'sa.outcome.latest', values);
}

/** Missing or too few figures: the note offers to record them. */
const wantsFigures = (s: OutcomeSuggestion) => s.reason === 'no-figure' || s.reason === 'too-old' || s.reason === 'no-earlier';

/**
 * Under an outcome question: what the city's recorded figures say and the option they suggest,
 * saying so when that option is preselected, with a link to record figures when some are missing.
 */
export const OutcomeEvidenceNote: FC<{ id: string; suggestion: OutcomeSuggestion; preselected: boolean; figuresPath: string }> = ({
  id,
  suggestion,
  preselected,
  figuresPath,
}) => {
  const { i18n } = usePage();
  const { text } = frameworkTextFor(i18n.locale);
  const option = text.questions[suggestion.question].options[suggestion.option];
  return (
    <p class="notice notice--quiet outcome-evidence" id={id}>
      {evidenceText(i18n, suggestion)} {i18n.t(preselected ? 'sa.outcome.preselected' : 'sa.outcome.suggests', { option })}
      {wantsFigures(suggestion) && (
        <>
          {' '}
          <a href={figuresPath}>{i18n.t('sa.outcome.record')}</a>
        </>
      )}
    </p>
  );
};
