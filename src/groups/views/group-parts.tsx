import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { renderMarkdown } from '../../shared/markdown.ts';
import { listSeparator } from '../../views/message-parts.ts';
import { usePage } from '../../views/page-context.ts';
import type { GroupRow, Membership } from '../group.repo.ts';

/** What a page knows of the person reading it in a group. */
export interface GroupViewer {
  /** The form token; undefined for an anonymous visitor. */
  csrf?: string;
  userId?: number;
  membership?: Membership;
  /** A moderator of the group or an editor of the site. */
  moderator: boolean;
}

/** The group's name in the reader's language where it has one (the seeded groups), else as written. */
export function groupName(g: Pick<GroupRow, 'name' | 'translations'>, locale: string): string {
  return g.translations?.[locale]?.name ?? g.name;
}

/** The group's description in the reader's language where it has one, else as written. */
export function groupDescription(g: Pick<GroupRow, 'description' | 'translations'>, locale: string): string {
  return g.translations?.[locale]?.description ?? g.description;
}

/** Whether the name is the one written by the group's creator (then its direction follows its own script). */
export function isOwnName(g: Pick<GroupRow, 'translations'>, locale: string): boolean {
  return !g.translations?.[locale]?.name;
}

/** The themes of a group in the reader's language, joined as the language joins lists. */
export function themesLine(themes: string[], t: (k: string) => string, locale: string): string {
  return themes.map((th) => t(`theme.${th}`)).join(listSeparator(locale));
}

/** The author of a post: their name, or "former member" once their account is deleted. */
export const AuthorName: FC<{ name: string | null }> = ({ name }) => {
  const { t } = usePage().i18n;
  return name === null ? <span class="post__former">{t('groups.post.former_member')}</span> : <bdi>{name}</bdi>;
};

/** A moment as a date and time in the reader's language, machine-readable in `datetime`. */
export const When: FC<{ at: Date }> = ({ at }) => {
  const { i18n } = usePage();
  return (
    <time datetime={at.toISOString()}>
      {i18n.date(at, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })}
    </time>
  );
};

/** A post's text, from its sanitised Markdown: links to practices and events of the site stay links. */
export const PostBody: FC<{ body: string }> = ({ body }) => (
  <div class="prose post__body" dir="auto">
    {raw(renderMarkdown(body, { topHeading: 4, siteLinks: true }))}
  </div>
);
