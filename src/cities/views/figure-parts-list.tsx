import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { countryOfBirthName } from '../figure-format.ts';
import type { FigurePart } from '../figure-parts.ts';

/** A list figure in a table cell: the countries of birth, largest first, each with its count. */
export const PartsCell: FC<{ parts: FigurePart[] }> = ({ parts }) => {
  const { i18n } = usePage();
  return (
    <ol class="figure-parts">
      {parts.map((p) => (
        <li>
          {countryOfBirthName(i18n.locale, p.country)} <bdi>{i18n.number(p.count)}</bdi>
        </li>
      ))}
    </ol>
  );
};
