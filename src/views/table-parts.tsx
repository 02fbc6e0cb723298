import type { FC } from 'hono/jsx';
import { usePage } from './page-context.ts';

/** A table's header row: one column heading per message key, in order. */
export const ColumnHeads: FC<{ keys: string[] }> = ({ keys }) => {
  const { t } = usePage().i18n;
  return (
    <thead>
      <tr>
        {keys.map((key) => (
          <th scope="col">{t(key)}</th>
        ))}
      </tr>
    </thead>
  );
};
