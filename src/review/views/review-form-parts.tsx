import type { FC } from 'hono/jsx';
import { describedBy, FieldFrame } from '../../views/form-parts.tsx';
import { maxMessageLength } from '../submission-page.schema.ts';

/** A labelled multi-line text field with its hint and, after a refused post, its message and the text as typed. */
export const TextAreaField: FC<{ id: string; name: string; label: string; hint?: string; value?: string; error?: string; rows?: number }> = ({
  id,
  name,
  label,
  hint,
  value,
  error,
  rows = 5,
}) => (
  <FieldFrame id={id} label={label} hint={hint} error={error}>
    <textarea
      id={id}
      name={name}
      rows={rows}
      required
      maxlength={maxMessageLength}
      dir="auto"
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, hint, error)}
    >
      {value ?? ''}
    </textarea>
  </FieldFrame>
);
