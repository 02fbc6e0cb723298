import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, ErrorSummary, Field, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { contactLimits } from '../contact.schema.ts';

/** A signed-in reader's contact form: its token, and what happened at the last submit. */
export interface ContactFormState {
  csrf: string;
  /** The reader is the person the form writes to. */
  own?: boolean;
  /** The last message was accepted. */
  sent?: boolean;
  values?: { subject: string; message: string };
  errors?: FieldErrors;
  /** Too many messages lately: how long until the next one may go. */
  retryAfterSeconds?: number;
}

/**
 * "Contact": for a visitor, a link to sign in first; for a signed-in reader, the form (subject
 * and message), saying that the recipient will see the sender's address and never showing theirs.
 * `action` is where it posts, `back` the page to return to after signing in.
 */
export const ContactForm: FC<{ action: string; back: string; recipient: string; state?: ContactFormState }> = ({ action, back, recipient, state }) => {
  const { t } = usePage().i18n;
  if (!state)
    return (
      <p>
        <a href={`/login?next=${encodeURIComponent(back)}`}>{t('people.contact.sign_in', { name: recipient })}</a>
      </p>
    );
  const minutes = state.retryAfterSeconds ? Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) : 0;
  return (
    <>
      {state.sent && <Notice kind="success">{t('people.contact.sent', { name: recipient })}</Notice>}
      {minutes > 0 && (
        <div class="form-errors" role="alert">
          <p>{t('people.contact.too_many', { minutes })}</p>
        </div>
      )}
      <ErrorSummary errors={state.errors} idPrefix="c" />
      <form method="post" action={action} class="account-form contact-form">
        <CsrfInput token={state.csrf} />
        <p class="form-field__hint">{t('people.contact.privacy', { name: recipient })}</p>
        <Field
          idPrefix="c"
          name="subject"
          label={t('people.contact.subject')}
          value={state.values?.subject}
          errors={state.errors}
          required
          maxlength={contactLimits.subject}
        />
        <TextAreaField
          idPrefix="c"
          name="message"
          label={t('people.contact.message')}
          value={state.values?.message}
          errors={state.errors}
          required
          maxlength={contactLimits.message}
          rows={8}
        />
        <button type="submit">{t('people.contact.submit')}</button>
      </form>
    </>
  );
};
