import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { type Framework, frameworkCounts, type OutcomeIndicator } from '../framework.ts';

/** The framework's own text is written in English in its draft version: marked as such for screen readers and the browser's translation. */
const frameworkLanguage = 'en';

/**
 * `/self-assessment`: what the framework asks and how it scores — every dimension with its
 * questions, their three options and points, weight, kind and the evidence that backs an
 * answer, the outcome indicators, and the scoring rules.
 */
export const FrameworkPage: FC<{ framework: Framework; indicators: OutcomeIndicator[] }> = ({ framework, indicators }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const counts = frameworkCounts(framework);
  const other = i18n.locale !== frameworkLanguage;
  // Framework text in another language than the page's: its own lang and direction.
  const own = other ? { lang: frameworkLanguage, dir: 'ltr' as const } : {};
  return (
    <Layout
      title={t('sa.title')}
      description={t('sa.description', { dimensions: counts.dimensions, questions: counts.questions })}
      canonical="/self-assessment"
    >
      <h1>{t('sa.title')}</h1>
      <p class="lead">{t('sa.lead', { dimensions: counts.dimensions, questions: counts.questions })}</p>
      <p>
        <strong>{t('sa.version', { version: framework.version })}</strong>
      </p>
      <p>{t('sa.counts', { policy: counts.byKind.policy, practice: counts.byKind.practice, outcome: counts.byKind.outcome, double: counts.doubleWeight })}</p>
      {other && <p class="notice">{t('sa.english_only')}</p>}
      <h2 id="scoring">{t('sa.rules.heading')}</h2>
      <ul class="framework-rules">
        {['dimension', 'overall', 'unanswered', 'coverage', 'provisional', 'rounding', 'outcomes', 'versions'].map((rule) => (
          <li>{t(`sa.rules.${rule}`)}</li>
        ))}
      </ul>
      <nav aria-labelledby="framework-contents">
        <h2 id="framework-contents">{t('sa.contents')}</h2>
        <ol class="framework-contents">
          {framework.dimensions.map((d) => (
            <li>
              <a href={`#${d.code}`}>{t(`sa.dimension.${d.code}`)}</a> ({t('sa.dimension.questions', { count: d.questions.length })})
            </li>
          ))}
        </ol>
      </nav>
      {framework.dimensions.map((d) => (
        <section class="framework-dimension" aria-labelledby={d.code}>
          <h2 id={d.code}>{t(`sa.dimension.${d.code}`)}</h2>
          <p {...own}>{d.description}</p>
          {d.themes.length > 0 && (
            <p>
              {t('sa.themes')}:{' '}
              {d.themes.map((theme, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/practices?theme=${theme}`}>{t(`theme.${theme}`)}</a>
                </>
              ))}
            </p>
          )}
          <ol class="framework-questions">
            {d.questions.map((q) => (
              <li id={q.code}>
                <p class="framework-question" {...own}>
                  {q.text}
                </p>
                <p class="meta">{t('sa.question.meta', { kind: t(`sa.kind.${q.kind}`), weight: q.weight })}</p>
                <table class="data-table framework-options">
                  <caption class="visually-hidden">{t('sa.options')}</caption>
                  <tbody>
                    {q.options.map((o) => (
                      <tr>
                        <td class="num">{t('sa.option.score', { score: o.score })}</td>
                        <td {...own}>{o.label}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p class="framework-evidence">
                  <strong>{t('sa.evidence')}:</strong> <span {...own}>{q.evidence_hint}</span>
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <h2 id="indicators">{t('sa.indicators.heading')}</h2>
      <p>{t('sa.indicators.lead')}</p>
      <div class="table-scroll" role="region" aria-labelledby="indicators-caption" tabindex={0}>
        <table class="data-table framework-indicators">
          <caption id="indicators-caption">{t('sa.indicators.caption', { count: indicators.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sa.indicators.indicator')}</th>
              <th scope="col">{t('sa.indicators.unit')}</th>
              <th scope="col">{t('sa.indicators.direction')}</th>
              <th scope="col">{t('sa.indicators.dimension')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((ind) => (
              <tr id={`indicator-${ind.code}`}>
                <th scope="row" {...own}>
                  <strong>{ind.title}</strong>
                  <small>{ind.definition}</small>
                </th>
                <td {...own}>{ind.unit}</td>
                <td>{t(`sa.direction.${ind.direction}`)}</td>
                <td>{ind.dimension === 'context' ? t('sa.dimension.context') : <a href={`#${ind.dimension}`}>{t(`sa.dimension.${ind.dimension}`)}</a>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
};
