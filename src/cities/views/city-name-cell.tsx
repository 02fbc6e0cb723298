import type { Child, FC } from 'hono/jsx';
import { cityHref } from '../../practices/views/practice-links.ts';

/** A table row's heading cell: the city's name, linked to its page, then any note (`children`). */
export const CityNameCell: FC<{ country: string; slug: string; name: string; children?: Child }> = ({ country, slug, name, children }) => (
  <th scope="row">
    <a href={cityHref(country, slug)}>
      <bdi>{name}</bdi>
    </a>
    {children}
  </th>
);
