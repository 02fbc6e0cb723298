import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';

/** A score to two decimals in the reader's numbers, or a dash when there is none. */
export const Score: FC<{ value: number | null }> = ({ value }) => {
  const { number } = usePage().i18n;
  return <>{value === null ? '–' : number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</>;
};

/** The decision as a word ("Selected", "Waiting list", …), or "not decided". */
export const DecisionLabel: FC<{ decision: string | null }> = ({ decision }) => {
  const { t } = usePage().i18n;
  return <>{t(decision ? `call_review.decision.${decision}` : 'call_review.decision.none')}</>;
};

/** The review section's links: your reviews (anyone assigned) and, for coordinators, the overview. */
export const callReviewPath = (slug: string) => `/calls/${encodeURIComponent(slug)}/review`;
