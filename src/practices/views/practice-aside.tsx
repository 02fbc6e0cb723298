import type { FC } from 'hono/jsx';
import type { similarPractices } from '../../search/similar-practices.ts';
import { usePage } from '../../views/page-context.ts';
import { PlaceName } from '../../views/place-name.tsx';
import { apiHref, practiceHref } from './practice-links.ts';

/** A practice as similarPractices returns it. */
export type SimilarPractice = Awaited<ReturnType<typeof similarPractices>>[number];

/** Up to five practices on the same themes, for a reader whose context differs from this one. */
export const SimilarPractices: FC<{ similar: SimilarPractice[] }> = ({ similar }) => {
  const { i18n } = usePage();
  if (similar.length === 0) return null;
  return (
    <section class="aside-box" aria-labelledby="similar-heading">
      <h2 id="similar-heading">{i18n.t('practice.similar')}</h2>
      <ul class="similar-list">
        {similar.map((p) => (
          <li>
            <a href={practiceHref(p.id)} dir="auto">
              {p.title}
            </a>
            <span class="lineage__place">
              <PlaceName city={p.city} country={p.country} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
};

/** Where to get the same record as data, and on what terms. */
export const OpenDataBox: FC<{ id: string }> = ({ id }) => {
  const { t } = usePage().i18n;
  return (
    <section class="aside-box" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('practice.data')}</h2>
      <p>
        <a href={apiHref(id)} type="application/json">
          {t('practice.data.json')}
        </a>
      </p>
      <p>{t('practice.data.license')}</p>
    </section>
  );
};
