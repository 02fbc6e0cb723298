import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { PlaceName } from '../../views/place-name.tsx';
import type { PracticeWithLineage } from '../practice.repo.ts';
import { practiceHref } from './practice-links.ts';

type Link = PracticeWithLineage['adapted_from'][number];

/** One practice in the lineage: a link with its place, or the bare id of a practice not yet here. */
const LineageItem: FC<{ link: Link }> = ({ link }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <li>
      {link.title ? (
        <>
          <a href={practiceHref(link.id)} dir="auto">
            {link.title}
          </a>
          {link.country && (
            <span class="lineage__place">
              <PlaceName city={link.city} country={link.country} />
            </span>
          )}
        </>
      ) : (
        <>
          <code>{link.id}</code>
          <span class="lineage__place">{t('practice.lineage.missing')}</span>
        </>
      )}
      {link.changes && (
        <p class="lineage__changes">
          <strong>{t('practice.lineage.changes')}</strong> <bdi>{link.changes}</bdi>
        </p>
      )}
    </li>
  );
};

/** Where the idea came from and where it went next, each with what changed on the way. */
export const PracticeLineage: FC<{ practice: PracticeWithLineage }> = ({ practice }) => {
  const { t } = usePage().i18n;
  const { adapted_from: from, adapted_by: by } = practice;
  if (from.length === 0 && by.length === 0) return null;
  return (
    <section class="aside-box" aria-labelledby="lineage-heading">
      <h2 id="lineage-heading">{t('practice.lineage')}</h2>
      {from.length > 0 && (
        <>
          <h3>{t('practice.lineage.adapted_from')}</h3>
          <ul class="lineage">
            {from.map((l) => (
              <LineageItem link={l} />
            ))}
          </ul>
        </>
      )}
      {by.length > 0 && (
        <>
          <h3>{t('practice.lineage.adapted_by')}</h3>
          <ul class="lineage">
            {by.map((l) => (
              <LineageItem link={l} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
};
