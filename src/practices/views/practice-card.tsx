import type { FC } from 'hono/jsx';
import { type MarkedRuns, MarkedText } from '../../views/marked-text.tsx';
import { usePage } from '../../views/page-context.ts';
import { PlaceName } from '../../views/place-name.tsx';

/** What a card needs of a practice. */
export interface PracticeCardData {
  id: string;
  title: string;
  summary: string;
  city: string | null;
  country: string;
  themes: string[];
  status: string;
  /** Language of the title and summary shown, where it may differ from the page's. */
  lang?: string;
  /** The title with a search's matched words marked. */
  titleMarks?: MarkedRuns;
  /** An excerpt with a search's matched words marked; falls back to the summary. */
  snippet?: MarkedRuns;
}

/** Shortens plain text at a word boundary. */
export function shorten(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}

/** One practice in a list: title link, place, status, snippet and themes. */
export const PracticeCard: FC<{ practice: PracticeCardData; headingLevel?: 2 | 3 }> = ({ practice: p, headingLevel = 2 }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li class="card">
      {/* Titles and snippets keep the direction of their own script inside a page of another. */}
      <Heading dir="auto" lang={p.lang}>
        <a href={`/practices/${p.id}`}>{p.titleMarks ? <MarkedText runs={p.titleMarks} /> : p.title}</a>
      </Heading>
      <p class="card__meta">
        <span class="card__place">
          <PlaceName city={p.city} country={p.country} />
        </span>{' '}
        · <span class={`status status--${p.status}`}>{t(`status.${p.status}`)}</span>
      </p>
      <p class="card__snippet" dir="auto" lang={p.lang}>
        {p.snippet ? <MarkedText runs={p.snippet} /> : shorten(p.summary)}
      </p>
      <ul class="tags" aria-label={t('practice.themes')}>
        {p.themes.map((th) => (
          <li class="tag">{t(`theme.${th}`)}</li>
        ))}
      </ul>
    </li>
  );
};
