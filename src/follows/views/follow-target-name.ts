import type { Translator } from '../../i18n/i18n.ts';

/** A follow's target as its reader knows it: a theme's label, the name it was followed under, else the key. */
export function followTargetName(t: Translator['t'], kind: string, target: string, label: string | null): string {
  if (kind === 'theme') return t(`theme.${target}`);
  if (kind === 'review') return t('follows.kind.review_queue');
  return label ?? target;
}

/** Where a follow's target lives on the site. */
export function followTargetPath(kind: string, target: string): string {
  switch (kind) {
    case 'theme':
      return `/practices?theme=${encodeURIComponent(target)}`;
    case 'city':
      return `/cities/${target.split('/').map(encodeURIComponent).join('/')}`;
    case 'group':
      return `/groups/${encodeURIComponent(target)}`;
    case 'organization':
      return `/organizations/${encodeURIComponent(target)}`;
    case 'search':
      return `/practices?${target}`;
    default:
      return '/review';
  }
}
