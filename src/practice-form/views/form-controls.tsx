import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { describedBy, FieldFrame, FieldNotes } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { FormErrors } from '../practice-form.fields.ts';

/** Ids follow accounts' Field (`f-<name>`), so the shared ErrorSummary links land on the input. */
export const fieldId = (name: string) => `f-${name}`;

/**
 * What every labelled control takes. `row` numbers a repeated row: the input posts `name`, its id
 * and error key are `name-row`. `required` marks the label and aria-required, never blocks a draft save.
 */
interface ControlProps {
  name: string;
  row?: number;
  label: string;
  hint?: string;
  errors?: FormErrors;
  required?: boolean;
}

/** The error key (and id suffix) of a control: its name, or `name-row` in a repeated row. */
const keyOf = (name: string, row?: number) => (row === undefined ? name : `${name}-${row}`);

/** Label, hint and message around one control; the control itself is the child (give it id `f-<name>`). */
export const FieldShell: FC<ControlProps & { children?: Child; extraClass?: string }> = ({
  name,
  row,
  label,
  hint,
  errors,
  required,
  children,
  extraClass,
}) => (
  <FieldFrame id={fieldId(keyOf(name, row))} label={label} hint={hint} error={errors?.[keyOf(name, row)]} required={required} extraClass={extraClass}>
    {children}
  </FieldFrame>
);

/**
 * A date, time or number input with its label, hint and message; a number's `min`, `max` and
 * `step` as the field allows.
 */
export const PlainInput: FC<ControlProps & { type: 'date' | 'time' | 'number'; value: string; min?: string; max?: string; step?: string }> = (props) => {
  const { name, type, value, errors, hint, required, min, max, step } = props;
  const id = fieldId(name);
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        min={min}
        max={max}
        step={step}
        aria-required={required ? 'true' : undefined}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, errors?.[name])}
      />
    </FieldShell>
  );
};

/** A one-line text input. `lang` and dir="auto" when the text is in the practice's language, not the interface's. */
export const TextInput: FC<
  ControlProps & {
    value: string;
    maxlength?: number;
    inputmode?: 'numeric' | 'decimal' | 'url';
    type?: 'text' | 'url';
    lang?: string;
    autoDir?: boolean;
    size?: number;
  }
> = (props) => {
  const { name, row, hint, errors, required, value, maxlength, inputmode, type = 'text', lang, autoDir, size } = props;
  const error = errors?.[keyOf(name, row)];
  const id = fieldId(keyOf(name, row));
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        maxlength={maxlength}
        inputmode={inputmode}
        size={size}
        lang={lang || undefined}
        dir={type === 'url' ? 'ltr' : autoDir ? 'auto' : undefined}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
};

/**
 * A multi-line text area, with a preview of its Markdown under it when one is given.
 * The leading newline is what HTML drops after `<textarea>`, so text that starts with one survives.
 */
export const TextArea: FC<ControlProps & { value: string; maxlength: number; rows?: number; lang?: string; preview?: string }> = (props) => {
  const { t } = usePage().i18n;
  const { name, hint, errors, required, value, maxlength, rows = 6, lang, preview } = props;
  const id = fieldId(name);
  return (
    <FieldShell {...props} extraClass="form-field--wide">
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxlength={maxlength}
        lang={lang || undefined}
        dir="auto"
        aria-required={required ? 'true' : undefined}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, errors?.[name])}
      >
        {`\n${value}`}
      </textarea>
      {preview !== undefined && (
        <section class="form-preview" aria-labelledby={`${id}-preview`}>
          <p class="form-preview__label" id={`${id}-preview`}>
            {t('form.preview', { field: props.label })}
          </p>
          <div class="prose" lang={lang || undefined} dir="auto">
            {raw(preview)}
          </div>
        </section>
      )}
    </FieldShell>
  );
};

/** A select among codes; `blank` is the label of the empty choice ("not given"), left out when absent. */
export const SelectField: FC<ControlProps & { value: string; options: { value: string; label: string; lang?: string }[]; blank?: string }> = (props) => {
  const { name, row, hint, errors, required, value, options, blank } = props;
  const error = errors?.[keyOf(name, row)];
  const id = fieldId(keyOf(name, row));
  return (
    <FieldShell {...props}>
      <select
        id={id}
        name={name}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option value={o.value} lang={o.lang} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
};

/** Checkboxes for a list of codes, grouped under a legend with the group's hint and message. */
export const CheckboxGroup: FC<ControlProps & { values: string[]; options: { value: string; label: string }[] }> = ({
  name,
  label,
  hint,
  errors,
  required,
  values,
  options,
}) => {
  const { t } = usePage().i18n;
  const id = fieldId(name);
  const error = errors?.[name];
  return (
    <fieldset id={id} class={error ? 'form-field form-field--error checkbox-grid' : 'form-field checkbox-grid'} aria-describedby={describedBy(id, hint, error)}>
      <legend>
        {label}
        {required && <span class="form-field__required"> {t('form.required_mark')}</span>}
      </legend>
      <FieldNotes id={id} hint={hint} error={error} />
      <ul>
        {options.map((o) => (
          <li>
            <input type="checkbox" id={`${id}-${o.value}`} name={name} value={o.value} checked={values.includes(o.value)} />
            <label for={`${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
};
