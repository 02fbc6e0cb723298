import markdownIt, { type Env, type MarkdownIt } from 'markdown-it';

/** Only these schemes become links; everything else (javascript:, data:, vbscript:, file:, …) stays text. */
const allowedLink = /^(https?:|mailto:)/i;

/** A path on this site (`/practices/nyc-idnyc`): one slash, never two or a backslash (which browsers read as another host). */
const sitePath = /^\/(?![/\\])/;

/** Rendering options for one Markdown field. */
export interface MarkdownOptions {
  /**
   * Heading level a Markdown `#` becomes, so a contributor's headings never outrank the page's
   * own h1/h2. Deeper levels follow and stop at h6.
   */
  topHeading?: 2 | 3 | 4 | 5 | 6;
  /** Whether links to paths of this site (`[the practice](/practices/nyc-idnyc)`) become links, as in group discussions. */
  siteLinks?: boolean;
}

function createRenderer(siteLinks: boolean): MarkdownIt {
  // Raw HTML in records is never trusted (exchange format), so html:false escapes it as text.
  const md = markdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = (url) => allowedLink.test(url.trim()) || (siteLinks && sitePath.test(url.trim()));
  // The CSP blocks third-party images anyway, and a broken image is worse than a plain link.
  md.disable('image');

  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    // Links in contributed text are user content: do not pass on ranking or the opener.
    tokens[idx].attrSet('rel', 'nofollow ugc noopener');
    return defaultLinkOpen(tokens, idx, opts, env, self);
  };

  const shiftHeading = (tokens: { tag: string }[], idx: number, env: Env | undefined) => {
    const level = Number(tokens[idx].tag.slice(1));
    tokens[idx].tag = `h${Math.min(6, level - 1 + ((env?.topHeading as number | undefined) ?? 3))}`;
  };
  md.renderer.rules.heading_open = (tokens, idx, opts, env, self) => {
    shiftHeading(tokens, idx, env);
    return self.renderToken(tokens, idx, opts);
  };
  md.renderer.rules.heading_close = (tokens, idx, opts, env, self) => {
    shiftHeading(tokens, idx, env);
    return self.renderToken(tokens, idx, opts);
  };
  return md;
}

const renderer = createRenderer(false);
const withSiteLinks = createRenderer(true);

/**
 * Renders contributed Markdown to safe HTML: raw HTML is escaped, only http(s) and mailto links
 * survive, images are not loaded, and headings start at `topHeading` (h3 by default).
 * @example renderMarkdown('# Results\nSee https://example.org', { topHeading: 3 })
 */
export function renderMarkdown(text: string, options: MarkdownOptions = {}): string {
  return (options.siteLinks ? withSiteLinks : renderer).render(text, { topHeading: options.topHeading ?? 3 });
}
