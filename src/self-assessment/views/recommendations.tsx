import type { FC } from 'hono/jsx';
import { framework } from '../../framework/framework.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { CsrfInput } from '../../views/form-parts.tsx';
import { cityLabel, isolated } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import { PlaceName } from '../../views/place-name.tsx';
import type { DimensionRecommendations, RecommendedPractice } from '../recommendations.ts';

/**
 * Why a practice is recommended, in one line of the reader's language, naming only what is true:
 * "Housing and neighbourhoods is your weakest dimension (35); Vienna scores 90 there; evidence level 3; similar size".
 * @example reasonLine(translator('en'), group, group.practices[0])
 */
export function reasonLine(i18n: Translator, group: Pick<DimensionRecommendations, 'dimension' | 'rank' | 'score'>, p: RecommendedPractice): string {
  const { t } = i18n;
  const parts = [t('rec.reason.weakest', { rank: group.rank, dimension: t(`sa.dimension.${group.dimension}`), score: Math.round(group.score) })];
  if (p.peerScore !== null && p.city && p.country)
    parts.push(t('rec.reason.peer', { city: isolated(cityLabel(i18n, p.country, p.city), i18n.dir), score: Math.round(p.peerScore) }));
  if (p.evidenceLevel !== null) parts.push(t('rec.reason.evidence', { level: p.evidenceLevel }));
  if (p.transferable) parts.push(t('rec.reason.transferable'));
  if (p.similarSize) parts.push(t('rec.reason.size'));
  if (p.closeShare) parts.push(t('rec.reason.share'));
  if (p.sameRegion) parts.push(t('rec.reason.region'));
  return parts.join(t('rec.reason.separator'));
}

/**
 * The search of the practices on a dimension's themes.
 * @example themeSearchPath('language-learning') // '/practices?theme=language&theme=education&theme=women-and-gender'
 */
export function themeSearchPath(dimension: string): string {
  const themes = framework.dimensions.find((d) => d.code === dimension)?.themes ?? [];
  return `/practices?${new URLSearchParams(themes.map((theme) => ['theme', theme]))}`;
}

/**
 * "Practices to learn from": for each of the city's weakest assessed dimensions, its score and
 * the practices recommended for it, each with why; nothing when no dimension is assessed.
 * @example <Recommendations groups={await recommendPractices(db, { country, slug, score, locale })} cityName="Ghent" />
 */
/** For the city's representatives: where a practice is saved or dismissed, and the form token. */
export interface RecommendationActions {
  action: string;
  csrf: string;
  /** The snapshot shown, to come back to it. */
  snapshot: string;
}

/** Save to the shortlist, or dismiss: two buttons of one small form per practice. */
const ChoiceForm: FC<{ actions: RecommendationActions; practice: string; title: string }> = ({ actions, practice, title }) => {
  const { t } = usePage().i18n;
  return (
    <form method="post" action={actions.action} class="inline-actions">
      <CsrfInput token={actions.csrf} />
      <input type="hidden" name="practice" value={practice} />
      <input type="hidden" name="snapshot" value={actions.snapshot} />
      {/* The name starts with the words shown, then says which practice (WCAG 2.5.3, label in name). */}
      <button type="submit" name="choice" value="shortlisted" class="button--secondary">
        {t('rec.action.shortlist')}
        <span class="visually-hidden">: {title}</span>
      </button>{' '}
      <button type="submit" name="choice" value="dismissed" class="button--secondary">
        {t('rec.action.dismiss')}
        <span class="visually-hidden">: {title}</span>
      </button>
    </form>
  );
};

export const Recommendations: FC<{ groups: DimensionRecommendations[]; cityName: string; actions?: RecommendationActions }> = ({
  groups,
  cityName,
  actions,
}) => {
  const { i18n } = usePage();
  if (groups.length === 0) return null;
  return (
    <section class="recommendations" aria-labelledby="recommendations">
      <h2 id="recommendations">{i18n.t('rec.heading')}</h2>
      <p>{i18n.t('rec.intro', { city: cityName, count: groups.length })}</p>
      {groups.map((group) => (
        <DimensionPractices group={group} actions={actions} />
      ))}
    </section>
  );
};

/** One weak dimension: its title and score, its practices best first (or that there are none), and the search of its themes. */
const DimensionPractices: FC<{ group: DimensionRecommendations; actions?: RecommendationActions }> = ({ group, actions }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const dimension = t(`sa.dimension.${group.dimension}`);
  return (
    <>
      <h3>{t('rec.dimension.heading', { dimension, score: Math.round(group.score) })}</h3>
      {group.practices.length === 0 ? (
        <p>{t('rec.empty')}</p>
      ) : (
        <ol class="recommendations__list">
          {group.practices.map((p) => (
            <li>
              <a href={`/practices/${encodeURIComponent(p.id)}`} dir="auto" lang={p.lang}>
                {p.title}
              </a>
              {p.country && (
                <>
                  {' · '}
                  <PlaceName city={p.city} country={p.country} />
                </>
              )}
              <p class="meta">{reasonLine(i18n, group, p)}</p>
              {actions && <ChoiceForm actions={actions} practice={p.id} title={p.title} />}
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={themeSearchPath(group.dimension)}>{t('rec.search', { dimension })}</a>
      </p>
    </>
  );
};
