import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { maxMessageLength } from '../review.schema.ts';

/** A labelled multi-line text field with its hint and, after a refused post, its message and the text as typed. */
export const TextAreaField: FC<{ id: string; name: string; label: string; hint?: string; value?: string; error?: string; rows?: number }> = ({
  id,
  name,
  label,
  hint,
  value,
  error,
  rows = 5,
}) => {
  const { t } = usePage().i18n;
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'form-field form-field--error' : 'form-field'}>
      <label for={id}>{label}</label>
      {hint && <p class="form-field__hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="form-field__error" id={`${id}-error`}>{t(error)}</p>}
      <textarea
        id={id}
        name={name}
        rows={rows}
        required
        maxlength={maxMessageLength}
        dir="auto"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
};
