import type { FC } from 'hono/jsx';
import type { FormErrors } from '../../practice-form/practice-form.fields.ts';
import { TextInput } from '../../practice-form/views/form-controls.tsx';
import { CsrfInput, ErrorSummary, Notice } from '../../views/form-parts.tsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import { restoreNoteMax } from '../history.schema.ts';
import type { FieldDiff } from '../record-diff.ts';
import type { RevisionSummary } from '../revision.repo.ts';
import { RecordDiffView } from './record-diff-view.tsx';
import { RevisionCard } from './revision-parts.tsx';

/** The restore form an editor sees when one side of the comparison is the current version. */
export interface RestoreOffer {
  revision: RevisionSummary;
  /** content_hash of the current version, so a restore over a newer save is refused. */
  base: string;
  csrf: string;
  note?: string;
  errors?: FormErrors;
}

/** What the comparison page shows. */
export interface ComparePageProps {
  id: string;
  title: string;
  lang?: string;
  from: RevisionSummary;
  to: RevisionSummary;
  diffs: FieldDiff[];
  restore?: RestoreOffer;
  notice?: string;
}

/** Confirmation step of a restore: what it does, an optional note, and the button. */
const RestoreForm: FC<{ id: string; offer: RestoreOffer }> = ({ id, offer }) => {
  const { t } = usePage().i18n;
  const n = offer.revision.number;
  return (
    <section class="restore-box" aria-labelledby="restore-heading">
      <h2 id="restore-heading">{t('history.restore.title', { n })}</h2>
      <p>{t('history.restore.explain', { n })}</p>
      <ErrorSummary errors={offer.errors} />
      <form method="post" action={`/practices/${id}/history/${offer.revision.id}/restore`} class="account-form">
        <CsrfInput token={offer.csrf} />
        <input type="hidden" name="base" value={offer.base} />
        <TextInput
          name="note"
          label={t('history.restore.note')}
          hint={t('history.restore.note_hint')}
          value={offer.note ?? ''}
          errors={offer.errors}
          maxlength={restoreNoteMax}
          autoDir
        />
        <button type="submit">{t('history.restore.submit', { n })}</button>
      </form>
    </section>
  );
};

/** /practices/{id}/history/compare: two revisions field by field, changed words marked. */
export const ComparePage: FC<ComparePageProps> = ({ id, title, lang, from, to, diffs, restore, notice }) => {
  const { t } = usePage().i18n;
  const before = t('history.revision', { n: from.number });
  const after = t('history.revision', { n: to.number });
  return (
    <Layout title={t('history.compare.title', { title, from: from.number, to: to.number })} noindex>
      <div class="history-page">
        <p>
          <a href={`/practices/${id}/history`}>{t('history.compare.back')}</a>
        </p>
        <h1>{t('history.compare.heading', { title })}</h1>
        {notice && <Notice>{t(notice)}</Notice>}
        <div class="revision-pair">
          <RevisionCard revision={from} role={t('history.compare.before')} />
          <RevisionCard revision={to} role={t('history.compare.after')} />
        </div>
        {from.id === to.id ? <p>{t('history.compare.same')}</p> : <RecordDiffView diffs={diffs} before={before} after={after} lang={lang} />}
        {restore && <RestoreForm id={id} offer={restore} />}
      </div>
    </Layout>
  );
};
