import { createContext, type FC, useContext } from 'hono/jsx';
import type { Translator } from '../i18n/i18n.ts';

/** Parts of the layout that product areas supply when the app is built, so the layout knows no area. */
export interface LayoutParts {
  /** The header's account links (sign in, or the signed-in person's pages). */
  accountNav?: FC;
}

/** What every view needs to know about the request it renders for. */
/** The parts of every page the app decides at start-up: asset URLs, public URL, the areas' layout parts. */
export interface PageSettings {
  assets: PageContextValue['assets'];
  publicUrl: string;
  layoutParts: LayoutParts;
}

export interface PageContextValue {
  i18n: Translator;
  /** Path and query of the current request, for language links and canonical URLs. */
  path: string;
  publicUrl: string;
  /** Fingerprinted URLs: the stylesheet, and the few small scripts by file name (`local-time.js`), which pages may add. */
  assets: { css: string; scripts?: Record<string, string> };
  /** The signed-in person's role, for showing the actions they may take; undefined when anonymous. */
  viewerRole?: 'member' | 'editor' | 'admin' | 'coordinator';
  /** Parts of the layout given by the app (see pageSettings in http/render.tsx); none when absent. */
  layoutParts?: LayoutParts;
  /** The signed-in reader's form token and what they follow (`kind:target` → how often), for Follow forms. */
  reader?: { csrfToken: string; following?: ReadonlyMap<string, string> };
}

/** Set by the layout renderer; read with usePage() in any component. */
export const PageContext = createContext<PageContextValue | null>(null);

/** The current page's context; throws when rendered outside a page. */
export function usePage(): PageContextValue {
  const value = useContext(PageContext);
  if (!value) throw new Error('usePage() called outside a page');
  return value;
}
