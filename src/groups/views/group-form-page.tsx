import type { FC } from 'hono/jsx';
import type { FieldErrors, FormValues } from '../../shared/form-values.ts';
import { FormPage } from '../../views/form-page.tsx';
import { CsrfInput, describedBy, ErrorSummary, Field, FieldNotes, TextAreaField } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { themes } from '../../vocabulary/vocabularies.ts';
import { groupLimits } from '../group.schema.ts';

/** The new-group form, empty or as typed with a message per refused field. */
export interface GroupFormPageProps {
  csrf: string;
  values?: FormValues;
  errors?: FieldErrors;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());

/**
 * GET /groups/new (editors): a group's name, its address (made from the name when left empty),
 * description, themes and whether anyone joins at once or a moderator approves each request.
 */
export const GroupFormPage: FC<GroupFormPageProps> = ({ csrf, values = {}, errors }) => {
  const { t } = usePage().i18n;
  const chosen = new Set(many(values.themes));
  const membership = one(values.membership) || 'open';
  return (
    <FormPage title={t('groups.new.title')}>
      <p>{t('groups.new.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/groups" class="group-form">
        <CsrfInput token={csrf} />
        <Field name="name" label={t('groups.field.name')} value={one(values.name)} errors={errors} maxlength={groupLimits.name} required />
        <Field
          name="slug"
          label={t('groups.field.slug')}
          hint={t('groups.field.slug_hint')}
          value={one(values.slug)}
          errors={errors}
          maxlength={groupLimits.slug}
        />
        <TextAreaField
          name="description"
          label={t('groups.field.description')}
          value={one(values.description)}
          errors={errors}
          maxlength={groupLimits.description}
          rows={4}
        />
        <fieldset
          class={`form-field checkbox-grid${errors?.themes ? ' form-field--error' : ''}`}
          id="f-themes"
          aria-describedby={describedBy('f-themes', undefined, errors?.themes)}
        >
          <legend>{t('groups.field.themes')}</legend>
          <FieldNotes id="f-themes" error={errors?.themes} />
          <ul>
            {themes.map((th) => (
              <li>
                <input type="checkbox" id={`f-theme-${th}`} name="themes" value={th} checked={chosen.has(th)} />
                <label for={`f-theme-${th}`}>{t(`theme.${th}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset class={`form-field${errors?.membership ? ' form-field--error' : ''}`} id="f-membership">
          <legend>{t('groups.field.membership')}</legend>
          <FieldNotes id="f-membership" error={errors?.membership} />
          {(['open', 'moderated'] as const).map((m) => (
            <div class="form-check">
              <input type="radio" id={`f-membership-${m}`} name="membership" value={m} checked={membership === m} />
              <label for={`f-membership-${m}`}>{t(`groups.membership.${m}.long`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('groups.new.button')}</button>
      </form>
    </FormPage>
  );
};
