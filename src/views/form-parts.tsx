import type { Child, FC } from 'hono/jsx';
import { csrfField, type FieldErrors } from '../shared/form-values.ts';
import { usePage } from './page-context.ts';

/** The hidden anti-forgery field every POST form carries. */
export const CsrfInput: FC<{ token: string }> = ({ token }) => <input type="hidden" name={csrfField} value={token} />;

/** The ids an input points to with aria-describedby: its hint and its error, when shown. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and, after a failed submit, its message, with the ids describedBy(id, hint, error) points to. */
export const FieldNotes: FC<{ id: string; hint?: string; error?: string }> = ({ id, hint, error }) => {
  const { t } = usePage().i18n;
  return (
    <>
      {hint && (
        <p class="form-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="form-field__error" id={`${id}-error`}>
          {t(error)}
        </p>
      )}
    </>
  );
};

/**
 * A form field's frame: label (with a "(required)" mark when asked), hint and, after a failed
 * submit, its message, around the control. The control sets aria-describedby with describedBy(id, hint, error).
 */
export const FieldFrame: FC<{ id: string; label: string; hint?: string; error?: string; required?: boolean; extraClass?: string; children?: Child }> = ({
  id,
  label,
  hint,
  error,
  required,
  extraClass,
  children,
}) => {
  const { t } = usePage().i18n;
  const classes = ['form-field', error ? 'form-field--error' : '', extraClass ?? ''].filter(Boolean).join(' ');
  return (
    <div class={classes}>
      <label for={id}>
        {label}
        {required && <span class="form-field__required"> {t('form.required_mark')}</span>}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      {children}
    </div>
  );
};

/** A labelled input with its hint and, after a failed submit, its message (linked for screen readers). */
export const Field: FC<{
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  errors?: FieldErrors;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  maxlength?: number;
  idPrefix?: string;
}> = ({ name, label, type = 'text', value, errors, hint, autocomplete, required, maxlength, idPrefix = 'f' }) => {
  const id = `${idPrefix}-${name}`;
  const error = errors?.[name];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxlength={maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        dir={type === 'email' ? 'ltr' : undefined}
      />
    </FieldFrame>
  );
};

/** The list of problems above a form after a failed submit, each linking to its field. */
export const ErrorSummary: FC<{ errors?: FieldErrors; idPrefix?: string }> = ({ errors, idPrefix = 'f' }) => {
  const { t } = usePage().i18n;
  const entries = Object.entries(errors ?? {});
  if (!entries.length) return null;
  return (
    <div class="form-errors" role="alert" tabindex={-1}>
      <h2>{t('accounts.form.problems', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, key]) => (
          <li>{field === 'form' ? t(key) : <a href={`#${idPrefix}-${field}`}>{t(key)}</a>}</li>
        ))}
      </ul>
    </div>
  );
};

/** A short confirmation or warning shown above a page's content. */
export const Notice: FC<{ kind?: 'success' | 'info'; children?: Child }> = ({ kind = 'info', children }) => (
  <div class={`notice notice--${kind}`} role="status">
    {children}
  </div>
);

/** A single checkbox with its label and a hint under it (linked for screen readers). */
export const CheckboxField: FC<{ id: string; name: string; checked: boolean; label: string; hint: string }> = ({ id, name, checked, label, hint }) => (
  <div class="form-check">
    <input type="checkbox" id={id} name={name} checked={checked} aria-describedby={`${id}-hint`} />
    <label for={id}>{label}</label>
    <p class="form-field__hint" id={`${id}-hint`}>
      {hint}
    </p>
  </div>
);

/**
 * A labelled multi-line text field with its hint and, after a failed submit, its message. The
 * leading newline is what HTML drops after `<textarea>`, so text that starts with one survives.
 */
export const TextAreaField: FC<{
  name: string;
  label: string;
  value?: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  rows?: number;
  idPrefix?: string;
}> = ({ name, label, value = '', errors, hint, required, maxlength, rows = 6, idPrefix = 'f' }) => {
  const id = `${idPrefix}-${name}`;
  const error = errors?.[name];
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxlength={maxlength}
        required={required}
        dir="auto"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {`\n${value}`}
      </textarea>
    </FieldFrame>
  );
};
