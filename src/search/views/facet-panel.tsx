import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { facetValueLabel } from '../facets.ts';
import { type FacetParam, facetParams, type SearchParams } from '../search.params.ts';
import type { FacetValue } from '../search.types.ts';

/** Facets open by default: the ones people use most, and any with a selection. */
const openByDefault: FacetParam[] = ['theme'];

/** One facet: a fieldset of checkboxes with counts that ignore the facet's own selection. */
const Facet: FC<{ name: FacetParam; values: FacetValue[]; open: boolean }> = ({ name, values, open }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <details open={open}>
      <summary>{t(`search.facet.${name}`)}</summary>
      <fieldset>
        <legend class="visually-hidden">{t(`search.facet.${name}`)}</legend>
        {values.length === 0 ? (
          <p class="count">{t('search.facet.none')}</p>
        ) : (
          <ul class="facet-list">
            {values.map((v) => {
              const id = `f-${name}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
              return (
                <li>
                  <input type="checkbox" id={id} name={name} value={v.value} checked={v.selected} />
                  <label for={id}>{i18n.t('search.facet.count', { label: facetValueLabel(i18n, name, v.value, v.label), count: v.count })}</label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </details>
  );
};

/** The filter sidebar: every facet plus the start-year range, applied with one button (no JavaScript needed). */
export const FacetPanel: FC<{ params: SearchParams; facets: Record<FacetParam, FacetValue[]> }> = ({ params, facets }) => {
  const { t } = usePage().i18n;
  return (
    <aside class="facets" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="visually-hidden">
        {t('search.filters')}
      </h2>
      {facetParams.map((name) => (
        <Facet name={name} values={facets[name]} open={openByDefault.includes(name) || facets[name].some((v) => v.selected)} />
      ))}
      <details open={params.from !== undefined || params.to !== undefined}>
        <summary>{t('search.facet.period')}</summary>
        <fieldset>
          <legend class="visually-hidden">{t('search.facet.period')}</legend>
          <div class="facet-years">
            <div>
              <label for="f-from">{t('search.facet.from')}</label>
              <input id="f-from" type="number" name="from" min={1900} max={2100} inputmode="numeric" value={params.from?.toString() ?? ''} />
            </div>
            <div>
              <label for="f-to">{t('search.facet.to')}</label>
              <input id="f-to" type="number" name="to" min={1900} max={2100} inputmode="numeric" value={params.to?.toString() ?? ''} />
            </div>
          </div>
        </fieldset>
      </details>
      <p>
        <button type="submit">{t('search.apply_filters')}</button>
      </p>
    </aside>
  );
};
