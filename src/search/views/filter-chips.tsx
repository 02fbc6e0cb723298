import type { FC } from 'hono/jsx';

/** One active filter: its label, and the page without it. */
export interface FilterChip {
  label: string;
  href: string;
}

/** Active filters as removable chips, then a link that clears them all. */
export const FilterChips: FC<{ chips: FilterChip[]; removeLabel: (label: string) => string; clearHref: string; clearLabel: string }> = ({
  chips,
  removeLabel,
  clearHref,
  clearLabel,
}) => (
  <ul class="chips">
    {chips.map((c) => (
      <li>
        <a class="chip" href={c.href} aria-label={removeLabel(c.label)}>
          {c.label}{' '}
          <span class="chip__x" aria-hidden="true">
            ×
          </span>
        </a>
      </li>
    ))}
    <li>
      <a href={clearHref}>{clearLabel}</a>
    </li>
  </ul>
);
