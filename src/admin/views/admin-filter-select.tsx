import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';

/** A labelled select of an admin filter form: "any" first, then each code named by `${labelPrefix}.${code}`. */
export const AdminFilterSelect: FC<{ name: string; label: string; value?: string; codes: readonly string[]; labelPrefix: string }> = ({
  name,
  label,
  value,
  codes,
  labelPrefix,
}) => {
  const { t } = usePage().i18n;
  return (
    <>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        <option value="">{t('admin.filter.any')}</option>
        {codes.map((code) => (
          <option value={code} selected={code === value}>
            {t(`${labelPrefix}.${code}`)}
          </option>
        ))}
      </select>
    </>
  );
};
