import type { FC } from 'hono/jsx';
import { ErrorFrame } from '../views/error-frame.tsx';
import { usePage } from '../views/page-context.ts';
import type { ErrorCode } from './errors.ts';

/** The error page in the site's look: what happened, and a way on. */
export const ErrorPage: FC<{ code: ErrorCode; detail?: string }> = ({ code, detail }) => {
  const { t } = usePage().i18n;
  return (
    <ErrorFrame title={t(`error.${code}.title`)} body={t(`error.${code}.body`, { detail: detail ?? '' })}>
      <li>
        <a href="/">{t('error.back_home')}</a>
      </li>
      <li>
        <a href="/practices">{t('error.search_instead')}</a>
      </li>
    </ErrorFrame>
  );
};
