import { createContext, useContext } from 'hono/jsx';
import type { Translator } from '../i18n/i18n.ts';

/** What every view needs to know about the request it renders for. */
export interface PageContextValue {
  i18n: Translator;
  /** Path and query of the current request, for language links and canonical URLs. */
  path: string;
  publicUrl: string;
  assets: { css: string };
  /** The signed-in person's role, for showing the actions they may take; undefined when anonymous. */
  viewerRole?: 'member' | 'editor' | 'admin';
}

/** Set by the layout renderer; read with usePage() in any component. */
export const PageContext = createContext<PageContextValue | null>(null);

/** The current page's context; throws when rendered outside a page. */
export function usePage(): PageContextValue {
  const value = useContext(PageContext);
  if (!value) throw new Error('usePage() called outside a page');
  return value;
}
