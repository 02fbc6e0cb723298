import type { FC } from 'hono/jsx';

/**
 * A labelled select of a filter form: "all" first, then each choice with its label (and its
 * count, when given).
 * @example <FilterSelect name="type" label="Type" value={query.type} all="All types" choices={[{ value: 'academia', label: 'Academia' }]} />
 */
export const FilterSelect: FC<{ name: string; label: string; value?: string; all: string; choices: { value: string; label: string }[] }> = ({
  name,
  label,
  value,
  all,
  choices,
}) => (
  <div class="form-field">
    <label for={`f-${name}`}>{label}</label>
    <select id={`f-${name}`} name={name}>
      <option value="">{all}</option>
      {choices.map((c) => (
        <option value={c.value} selected={c.value === value}>
          {c.label}
        </option>
      ))}
    </select>
  </div>
);
