import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { placeLabel } from '../../views/labels.ts';
import { usePage } from '../../views/page-context.ts';

/** What a card needs of a practice. */
export interface PracticeCardData {
  id: string;
  title: string;
  summary: string;
  city: string | null;
  country: string;
  themes: string[];
  status: string;
  /** Pre-escaped HTML with <mark> around matched words; falls back to the summary. */
  snippetHtml?: string;
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
      <Heading dir="auto">
        <a href={`/practices/${p.id}`}>{p.title}</a>
      </Heading>
      <p class="card__meta">
        <bdi>{placeLabel(i18n, p.city, p.country)}</bdi> · <span class={`status status--${p.status}`}>{t(`status.${p.status}`)}</span>
      </p>
      <p class="card__snippet" dir="auto">{p.snippetHtml ? raw(p.snippetHtml) : shorten(p.summary)}</p>
      <ul class="tags" aria-label={t('practice.themes')}>
        {p.themes.map((th) => (
          <li class="tag">{t(`theme.${th}`)}</li>
        ))}
      </ul>
    </li>
  );
};
