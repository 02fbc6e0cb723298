import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { renderMarkdown } from '../../shared/markdown.ts';
import { usePage } from '../../views/page-context.ts';
import type { PracticeRecord } from '../practice.schema.ts';
import type { LangText } from './practice-translation.ts';

/** The long Markdown fields, in the order a reader judging fit would want them. */
const sectionFields = ['challenge', 'approach', 'outcomes', 'evaluation', 'lessons', 'transferability'] as const;

/** One titled Markdown section; the page's h2 names it, so the text's own headings start at h3. */
const MarkdownSection: FC<{ id: string; heading: string; text: LangText }> = ({ id, heading, text }) => (
  <section aria-labelledby={`section-${id}`}>
    <h2 id={`section-${id}`}>{heading}</h2>
    <div class="prose" lang={text.lang} dir="auto">
      {raw(renderMarkdown(text.text, { topHeading: 3 }))}
    </div>
  </section>
);

/** Description, challenge, approach, outcomes, evaluation, lessons and transferability, where present. */
export const PracticeSections: FC<{ record: PracticeRecord; body?: LangText }> = ({ record, body }) => {
  const { t } = usePage().i18n;
  return (
    <>
      {body?.text && <MarkdownSection id="body" heading={t('practice.section.body')} text={body} />}
      {sectionFields.map((f) => {
        const text = record[f];
        return text ? <MarkdownSection id={f} heading={t(`practice.section.${f}`)} text={{ text, lang: record.language }} /> : null;
      })}
    </>
  );
};

/** The record's sources as links; anything that is not http(s) is shown as text, never as a link. */
export const PracticeSources: FC<{ sources: PracticeRecord['sources'] }> = ({ sources }) => {
  const { t } = usePage().i18n;
  if (!sources?.length) return null;
  return (
    <section aria-labelledby="section-sources">
      <h2 id="section-sources">{t('practice.sources')}</h2>
      <ul class="sources">
        {sources.map((s) => (
          <li>
            {/^https?:\/\//i.test(s.url) ? (
              <a href={s.url} rel="nofollow noopener">
                {s.title ?? s.url}
              </a>
            ) : (
              (s.title ?? s.url)
            )}
            {s.title && <span class="sources__host"> {hostOf(s.url)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
};

/** The site a source lives on, so a reader sees where a link leads before following it. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
