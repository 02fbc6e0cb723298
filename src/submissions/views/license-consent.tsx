import type { FC } from 'hono/jsx';
import { describedBy, FieldNotes } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';

/** The consent field's name and id; its value is the licence agreed to. */
export const consentField = 'license_consent';

/**
 * The required consent to publish under the contribution's licence, with how the submitter will
 * be credited; after a refused send, checked as it was posted and with its message beside it.
 */
export const LicenseConsentField: FC<{ license: string; checked?: boolean; error?: string }> = ({ license, checked, error }) => {
  const { t } = usePage().i18n;
  const id = `f-${consentField}`;
  const hint = t('license.consent.credit');
  return (
    <fieldset class={error ? 'form-field form-field--error' : 'form-field'}>
      <legend>{t('license.consent.legend')}</legend>
      <div class="form-check">
        <input
          type="checkbox"
          id={id}
          name={consentField}
          value={license}
          checked={checked}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <label for={id}>{t('license.consent.label', { license: t(`license.name.${license}`) })}</label>
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
    </fieldset>
  );
};
