import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { languageDisplayName } from '../../i18n/display-names.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { CsrfInput, Notice } from '../../views/form-parts.tsx';
import { placeLabel } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { FactList } from '../../views/list-parts.tsx';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { CallOutcome, CallRow } from '../call.repo.ts';
import { callPhase, relativeWords } from '../call-dates.ts';
import type { Rubric } from '../call-form.schema.ts';
import { CallWhen, LocalTimeScript } from './call-when.tsx';

/** What the call page shows besides the call. */
export interface CallPageProps {
  call: CallRow;
  now: Date;
  /** Coordinators: the form token, for the publish button and the edit link. */
  manageCsrf?: string;
  /** Once decisions are released: the figures and the selected applicants who agreed to be named. */
  outcome?: CallOutcome;
  notice?: string;
}

/** The rubric, published so applicants know how they will be judged: each criterion, its weight and what each score means. */
export const RubricView: FC<{ rubric: Rubric }> = ({ rubric }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="rubric">
      <h2 id="rubric">{t('calls.rubric.title')}</h2>
      <p>{t('calls.rubric.lead')}</p>
      {rubric.map((r) => (
        <article class="call-criterion">
          <h3>
            <bdi>{r.title}</bdi> <span class="meta">· {t('calls.rubric.weight', { weight: r.weight })}</span>
          </h3>
          {r.description && <p dir="auto">{r.description}</p>}
          <dl class="call-criterion__anchors">
            {(['1', '2', '3', '4', '5'] as const).map((a) => (
              <>
                <dt>{t('calls.rubric.score', { score: Number(a) })}</dt>
                <dd dir="auto">{r.anchors[a] || '—'}</dd>
              </>
            ))}
          </dl>
        </article>
      ))}
    </section>
  );
};

/** What came of the call: its figures and the selected applicants who agreed to be named. */
const OutcomeView: FC<{ outcome: CallOutcome }> = ({ outcome }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <section aria-labelledby="outcome">
      <h2 id="outcome">{t('calls.outcome.title')}</h2>
      <p>{t('calls.outcome.figures', { applications: outcome.applications, countries: outcome.countries, selected: outcome.selected })}</p>
      {outcome.named.length > 0 && (
        <ul>
          {outcome.named.map((n) => (
            <li>
              <bdi>{n.name}</bdi>
              {n.country && ` (${placeLabel(i18n, n.city === n.name ? null : n.city, n.country)})`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

/**
 * GET /calls/{slug}: a call — where it stands with a countdown in words, its dates in its zone
 * (and the visitor's, where the script runs), who may apply, the languages accepted, its
 * description, the rubric applicants will be judged by, the Apply button while it is open; once
 * the decisions are released, its figures and the selected applicants who agreed to be named.
 */
export const CallPage: FC<CallPageProps> = ({ call: c, now, manageCsrf, outcome, notice }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const phase = callPhase(c, now);
  const sep = listSeparator(i18n.locale);
  const countdown =
    phase === 'upcoming'
      ? t('calls.countdown.opens', { when: relativeWords(i18n.locale, c.opens_at, now) })
      : phase === 'open'
        ? t('calls.countdown.closes', { when: relativeWords(i18n.locale, c.closes_at, now) })
        : t('calls.countdown.closed', { when: relativeWords(i18n.locale, c.closes_at, now) });
  const facts: [string, Child][] = [
    [t('calls.fact.opens'), <CallWhen at={c.opens_at} zone={c.time_zone} />],
    [t('calls.fact.closes'), <CallWhen at={c.closes_at} zone={c.time_zone} />],
    [t('calls.fact.eligible'), c.eligible.map((k) => t(`calls.eligible.${k}`)).join(sep)],
    [t('calls.fact.languages'), c.languages.map((l) => languageDisplayName(l, i18n.locale)).join(sep)],
  ];
  return (
    <Layout title={c.title} description={c.description.slice(0, 300) || c.title} canonical={`/calls/${c.slug}`} noindex={c.state === 'draft'}>
      <p>
        <a href="/calls">{t('calls.back')}</a>
      </p>
      {notice && <Notice kind="success">{t(notice)}</Notice>}
      <h1 dir="auto">{c.title}</h1>
      {c.example && (
        <p class="notice" role="note">
          <strong>{t('calls.example_note')}</strong>
        </p>
      )}
      {c.state === 'draft' && (
        <p class="notice" role="note">
          {t('calls.draft_note')}
        </p>
      )}
      <p class="call-countdown">
        <strong>{countdown}</strong>
      </p>
      <div class="call-page">
        <FactList facts={facts} />
      </div>
      {phase === 'open' && c.state === 'published' && (
        <p>
          <a class="button" href={`/calls/${c.slug}/apply`}>
            {t('calls.apply_button')}
          </a>
        </p>
      )}
      {manageCsrf && c.state === 'draft' && (
        <form method="post" action={`/calls/${c.slug}/publish`} class="inline-form">
          <CsrfInput token={manageCsrf} />
          <a href={`/calls/${c.slug}/edit`}>{t('calls.edit.link')}</a> <button type="submit">{t('calls.publish')}</button>
        </form>
      )}
      {c.description && (
        <div class="prose" dir="auto">
          {raw(renderMarkdown(c.description, { topHeading: 2 }))}
        </div>
      )}
      {outcome && <OutcomeView outcome={outcome} />}
      {c.rubric.length > 0 && <RubricView rubric={c.rubric} />}
      <LocalTimeScript />
    </Layout>
  );
};
