import type { FC } from 'hono/jsx';
import type { AssessmentScore } from '../../framework/scoring.ts';
import { regionLabel } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';
import { minimumPeers, type PeerGroup, type PeerStats } from '../peer-comparison.ts';

const whole = (n: number) => Math.round(n);

/** A row of the comparison: the city's score beside the peers' median and range. */
const PeerRow: FC<{ label: string; own: number | null; stats: PeerStats | null }> = ({ label, own, stats }) => {
  const { t } = usePage().i18n;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{own === null ? t('score.not_assessed') : whole(own)}</td>
      {stats ? (
        <>
          <td class="num">{whole(stats.median)}</td>
          <td class="num">{t('peers.range', { min: whole(stats.min), max: whole(stats.max) })}</td>
          <td class="num">{stats.cities}</td>
        </>
      ) : (
        <td colspan={3}>{t('peers.too_few', { minimum: minimumPeers })}</td>
      )}
    </tr>
  );
};

/**
 * The city's scores beside its peers' (same UN region, same size band, all cities): each
 * dimension's median and range over the peers' latest public snapshots, never over fewer than
 * three cities. Examples are compared with examples only.
 */
export const PeerComparison: FC<{ groups: PeerGroup[]; score: AssessmentScore; example: boolean }> = ({ groups, score, example }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const codes = Object.keys(score.dimensions);
  const name = (g: PeerGroup) =>
    g.kind === 'chosen'
      ? t('peers.group.chosen')
      : g.kind === 'region'
        ? t('peers.group.region', { region: regionLabel(i18n, g.value) })
        : g.kind === 'size'
          ? t('peers.group.size', { band: t(`band.${g.value}`) })
          : t('peers.group.all');
  return (
    <section aria-labelledby="peers">
      <h2 id="peers">{t('peers.heading')}</h2>
      <p>
        {t(example ? 'peers.lead_examples' : 'peers.lead', { minimum: minimumPeers })} <a href="/benchmark">{t('peers.benchmark_link')}</a>
      </p>
      {groups.map((g, i) =>
        // A group too small for any median is one line, not a table of "not shown".
        g.overall === null && Object.values(g.dimensions).every((d) => d === null) ? (
          <p>
            <strong>{t('peers.caption', { group: name(g), count: g.cities })}</strong> — {t('peers.too_few', { minimum: minimumPeers })}
          </p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby={`peers-${i}`} tabindex={0}>
            <table class="data-table peer-table">
              <caption id={`peers-${i}`}>{t('peers.caption', { group: name(g), count: g.cities })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('peers.col.dimension')}</th>
                  <th scope="col">{t('peers.col.city')}</th>
                  <th scope="col">{t('peers.col.median')}</th>
                  <th scope="col">{t('peers.col.range')}</th>
                  <th scope="col">{t('peers.col.cities')}</th>
                </tr>
              </thead>
              <tbody>
                <PeerRow label={t('peers.overall')} own={score.overall.score} stats={g.overall} />
                {codes.map((code) => (
                  <PeerRow label={t(`sa.dimension.${code}`)} own={score.dimensions[code].score} stats={g.dimensions[code]} />
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </section>
  );
};
