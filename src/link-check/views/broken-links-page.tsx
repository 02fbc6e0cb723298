import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { BrokenLink } from '../link-check.repo.ts';
import { BrokenReason } from './link-warning.tsx';

/** Where an editor fixes a record of a kind; a kind without an edit page links nowhere. */
export type EditPathOf = (link: BrokenLink) => string | undefined;

/** /review/links: every link the weekly check found broken, with the record to fix. */
export const BrokenLinksPage: FC<{ links: BrokenLink[]; editPath: EditPathOf }> = ({ links, editPath }) => {
  const { t, date } = usePage().i18n;
  return (
    <Layout title={t('links.title')} noindex>
      <h1>{t('links.title')}</h1>
      <p>{t('links.intro')}</p>
      {links.length === 0 ? (
        <p>{t('links.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('links.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('links.record')}</th>
                <th scope="col">{t('links.url')}</th>
                <th scope="col">{t('links.problem')}</th>
                <th scope="col">{t('links.checked_at')}</th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => {
                const edit = editPath(l);
                return (
                  <tr>
                    <td>{edit ? <a href={edit}>{l.title}</a> : l.title}</td>
                    <td>
                      <a href={l.url} rel="nofollow noopener">
                        <bdi>{l.url}</bdi>
                      </a>
                    </td>
                    <td>
                      <BrokenReason link={l} />
                    </td>
                    <td>{date(l.checkedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
};
