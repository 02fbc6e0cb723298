import type { FC } from 'hono/jsx';
import { type Framework, frameworkCounts, type OutcomeIndicator } from '../../framework/framework.ts';
import { frameworkTextFor } from '../../framework/framework-text.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';

/**
 * `/self-assessment`: what the framework asks and how it scores — every dimension with its
 * questions, their three options and points, weight, kind and the evidence that backs an
 * answer, the outcome indicators, and the scoring rules.
 */
export const FrameworkPage: FC<{ framework: Framework; indicators: OutcomeIndicator[] }> = ({ framework, indicators }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const counts = frameworkCounts(framework);
  // The framework's words in the reader's language where translated, else in English, marked as such (lang and direction).
  const { lang, text } = frameworkTextFor(i18n.locale);
  const other = lang !== i18n.locale;
  const own = other ? { lang, dir: 'ltr' as const } : {};
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
      <p>
        <a href="/benchmark">{t('peers.benchmark_link')}</a>
      </p>
      {other && <p class="notice">{t('sa.english_only')}</p>}
      {!other && lang !== 'en' && <p class="notice notice--quiet">{t('sa.translated')}</p>}
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
          <p {...own}>{text.dimensions[d.code].description}</p>
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
                  {text.questions[q.code].text}
                </p>
                <p class="meta">{t('sa.question.meta', { kind: t(`sa.kind.${q.kind}`), weight: q.weight })}</p>
                <table class="data-table framework-options">
                  <caption class="visually-hidden">{t('sa.options')}</caption>
                  <tbody>
                    {q.options.map((o) => (
                      <tr>
                        <td class="num">{t('sa.option.score', { score: o.score })}</td>
                        <td {...own}>{text.questions[q.code].options[o.value]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p class="framework-evidence">
                  <strong>{t('sa.evidence')}:</strong> <span {...own}>{text.questions[q.code].evidence_hint}</span>
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
                  <strong>{text.indicators[ind.code].title}</strong>
                  <small>{text.indicators[ind.code].definition}</small>
                </th>
                <td {...own}>{text.indicators[ind.code].unit}</td>
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
