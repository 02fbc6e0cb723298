import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput, ErrorSummary, Field, TextAreaField } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ListedGroup } from '../group.repo.ts';
import { groupLimits } from '../group.schema.ts';
import { groupName, isOwnName } from './group-parts.tsx';

/** The new-thread form of a group, empty or as typed; `refusal` for a refusal of the whole form (too many posts). */
export interface NewThreadPageProps {
  group: ListedGroup;
  csrf: string;
  values?: { title?: string; body?: string };
  errors?: FieldErrors;
  refusal?: string;
}

/** GET /groups/{slug}/threads/new (members): a title and the opening post, in Markdown. */
export const NewThreadPage: FC<NewThreadPageProps> = ({ group, csrf, values = {}, errors, refusal }) => {
  const { t, locale } = usePage().i18n;
  const path = `/groups/${encodeURIComponent(group.slug)}`;
  return (
    <FormPage title={t('groups.thread.new')}>
      <p>
        <a href={path} dir={isOwnName(group, locale) ? 'auto' : undefined}>
          {groupName(group, locale)}
        </a>
      </p>
      {refusal && (
        <div class="form-errors" role="alert">
          <p>{t(refusal)}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <form method="post" action={`${path}/threads`}>
        <CsrfInput token={csrf} />
        <Field name="title" label={t('groups.field.title')} value={values.title} errors={errors} maxlength={groupLimits.title} required />
        <TextAreaField
          name="body"
          label={t('groups.field.body')}
          hint={t('groups.post.markdown_hint')}
          value={values.body}
          errors={errors}
          maxlength={groupLimits.body}
          rows={10}
          required
        />
        <button type="submit">{t('groups.thread.publish')}</button>
      </form>
    </FormPage>
  );
};
