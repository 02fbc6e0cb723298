import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { DiffPart, FieldDiff } from '../record-diff.ts';

/** Changed words: struck through when removed, underlined when added, each announced to screen readers. */
const Parts: FC<{ parts: DiffPart[] }> = ({ parts }) => {
  const { t } = usePage().i18n;
  return (
    <>
      {parts.map((p) =>
        p.change === 'same' ? (
          p.text
        ) : p.change === 'removed' ? (
          <del>
            <span class="visually-hidden">{t('history.diff.removed')} </span>
            {p.text}
          </del>
        ) : (
          <ins>
            <span class="visually-hidden">{t('history.diff.added')} </span>
            {p.text}
          </ins>
        ),
      )}
    </>
  );
};

/**
 * Field-by-field comparison of two versions of a practice: only the fields that differ, with
 * the changed words marked. `before` and `after` name the two versions in the legend; `lang` is the practice's language.
 */
export const RecordDiffView: FC<{ diffs: FieldDiff[]; before: string; after: string; lang?: string }> = ({ diffs, before, after, lang }) => {
  const { t } = usePage().i18n;
  if (!diffs.length) return <p class="record-diff__none">{t('history.diff.none')}</p>;
  return (
    <div class="record-diff">
      <p class="record-diff__legend">{t('history.diff.legend', { before, after })}</p>
      <dl>
        {diffs.map((d) => (
          <div class="record-diff__field">
            <dt>{t(d.label)}</dt>
            <dd lang={d.ownWords ? lang : undefined} dir="auto">
              <Parts parts={d.parts} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
};
