import type { FC } from 'hono/jsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';

/**
 * The practices a city's representatives saved from the recommendations (only they see it),
 * each with a button that takes it off the list.
 */
export const Shortlist: FC<{ items: { id: string; title: string; lang: string }[]; action: string; csrf: string; snapshot: string }> = ({
  items,
  action,
  csrf,
  snapshot,
}) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="shortlist">
      <h2 id="shortlist">{t('rec.shortlist.heading')}</h2>
      {items.length === 0 ? (
        <p>{t('rec.shortlist.empty')}</p>
      ) : (
        <ul>
          {items.map((p) => (
            <li>
              <a href={`/practices/${encodeURIComponent(p.id)}`} dir="auto" lang={p.lang}>
                {p.title}
              </a>{' '}
              <form method="post" action={action} class="inline-actions">
                <CsrfInput token={csrf} />
                <input type="hidden" name="practice" value={p.id} />
                <input type="hidden" name="snapshot" value={snapshot} />
                <button type="submit" name="choice" value="clear" class="button--secondary">
                  {t('rec.shortlist.remove')}
                  <span class="visually-hidden">: {p.title}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
