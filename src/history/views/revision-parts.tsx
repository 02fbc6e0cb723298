import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { RevisionSummary } from '../revision.repo.ts';

/** Date and time of a revision, in UTC so every reader sees the same moment written the same way. */
export const RevisionTime: FC<{ at: Date }> = ({ at }) => {
  const { i18n } = usePage();
  const when = new Date(at);
  return (
    <time datetime={when.toISOString()}>
      {i18n.date(when, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })}
    </time>
  );
};

/** "Revision 4 · 3 May 2025 · Ana Silva · Edit", with its message: one version as the comparison names it. */
export const RevisionCard: FC<{ revision: RevisionSummary; role: string }> = ({ revision, role }) => {
  const { t } = usePage().i18n;
  return (
    <div class="revision-card">
      <p class="revision-card__role">{role}</p>
      <p class="revision-card__title">{t('history.revision', { n: revision.number })}</p>
      <p class="revision-card__meta">
        <RevisionTime at={revision.created_at} /> · <bdi>{revision.author}</bdi> · {t(`history.kind.${revision.kind}`)}
        <RevisionCredit revision={revision} />
      </p>
      {revision.message && (
        <p class="revision-card__message" dir="auto">
          {revision.message}
        </p>
      )}
    </div>
  );
};

/**
 * Who a published revision credits besides the editor: its submitter (by their public profile's
 * name, or unnamed without one) and the licence they agreed to, with when.
 */
export const RevisionCredit: FC<{ revision: RevisionSummary }> = ({ revision: r }) => {
  const { t } = usePage().i18n;
  if (r.submitter_id === null) return null;
  return (
    <span class="revision-credit">
      <br />
      {r.submitter_name && r.submitter_slug ? (
        <a href={`/people/${r.submitter_slug}`}>
          <bdi>{t('credits.submitted_by', { name: r.submitter_name })}</bdi>
        </a>
      ) : (
        t('credits.submitted_by_unnamed')
      )}
      {r.license && r.license_agreed_at && (
        <>
          <br />
          {t('credits.license', { license: t(`license.name.${r.license}`), date: new Date(r.license_agreed_at).toISOString().slice(0, 10) })}
        </>
      )}
    </span>
  );
};
