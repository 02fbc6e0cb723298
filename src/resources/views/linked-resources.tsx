import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { LinkedResource } from '../resource.repo.ts';

/**
 * The "Resources" section of a practice, city or organisation page: the reports, toolkits and
 * other publications of the library that document it; nothing when there are none.
 * @example <LinkedResources resources={resources} />
 */
export const LinkedResources: FC<{ resources: LinkedResource[] }> = ({ resources }) => {
  const { t } = usePage().i18n;
  if (resources.length === 0) return null;
  return (
    <section aria-labelledby="linked-resources" class="linked-resources">
      <h2 id="linked-resources">{t('resources.section.heading')}</h2>
      <ul>
        {resources.map((r) => (
          <li>
            <a href={`/resources/${encodeURIComponent(r.slug)}`} dir="auto" lang={r.languages[0]}>
              {r.title}
            </a>
            <span class="meta">
              {' · '}
              <bdi>{[t(`resources.type.${r.type}`), r.publisher, r.year ? String(r.year) : ''].filter(Boolean).join(' · ')}</bdi>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
};
