import type { FC } from 'hono/jsx';
import { editorRoles } from '../../security/roles.ts';
import { usePage } from '../../views/page-context.ts';

/** Paths of what can be done with a practice; the routes that serve them live in their own areas. */
export const practiceActionPaths = {
  adapt: (id: string) => `/submit?adapt=${encodeURIComponent(id)}`,
  translate: (id: string) => `/practices/${id}/translate`,
  edit: (id: string) => `/practices/${id}/edit`,
  history: (id: string) => `/practices/${id}/history`,
  assess: (id: string) => `/practices/${id}/assess`,
};

/**
 * What a reader can do with a practice: adapt it in their city, translate it, see its history;
 * editors also edit and assess it. Anonymous readers are asked to sign in when they follow one.
 */
export const PracticeActions: FC<{ id: string }> = ({ id }) => {
  const { i18n, viewerRole } = usePage();
  const { t } = i18n;
  const editor = !!viewerRole && editorRoles.includes(viewerRole);
  return (
    <section class="aside-box practice-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('practice.actions.heading')}</h2>
      <p>
        <a class="button" href={practiceActionPaths.adapt(id)}>
          {t('practice.actions.adapt')}
        </a>
      </p>
      <ul class="practice-actions__list">
        <li>
          <a href={practiceActionPaths.translate(id)}>{t('practice.actions.translate')}</a>
        </li>
        <li>
          <a href={practiceActionPaths.history(id)}>{t('practice.actions.history')}</a>
        </li>
        {editor && (
          <li>
            <a href={practiceActionPaths.edit(id)}>{t('practice.actions.edit')}</a>
          </li>
        )}
        {editor && (
          <li>
            <a href={practiceActionPaths.assess(id)}>{t('practice.actions.assess')}</a>
          </li>
        )}
      </ul>
    </section>
  );
};
