import type { FC } from 'hono/jsx';
import { CsrfInput } from './form-parts.tsx';
import { usePage } from './page-context.ts';

/** How often a follower hears; 'off' is on the site only. */
export const followFrequencies = ['immediate', 'daily', 'weekly', 'off'] as const;
export type FollowChoice = (typeof followFrequencies)[number];

/** What a "Follow" form follows, and where the reader comes back to. */
export interface FollowFormProps {
  kind: 'theme' | 'city' | 'group' | 'organization' | 'search';
  target: string;
  /** What the reader sees it as: a city's or an organisation's name, a search's words. */
  label: string;
  /** This page's path: the answer comes back here. */
  back: string;
}

/**
 * "Follow" on a page (a city, an organisation, a search): a signed-in reader picks how often to
 * hear (at once, daily, weekly, on the site only) and follows, changes that or stops; a visitor
 * is asked to sign in. Posts to /follows, no JavaScript. The reader and what they follow come from
 * the request (follows' middleware), so any page can show it; pages kept for visitors show the link.
 */
export const FollowForm: FC<FollowFormProps> = ({ kind, target, label, back }) => {
  const { i18n, reader } = usePage();
  const { t } = i18n;
  const csrf = reader?.csrfToken;
  const current = reader?.following?.get(`${kind}:${target}`) as FollowChoice | undefined;
  const id = `follow-${kind}`;
  if (!csrf)
    return (
      <p class="follow-form follow-form--visitor">
        <a href={`/login?next=${encodeURIComponent(back)}`}>{t('follows.form.sign_in', { name: label })}</a>
      </p>
    );
  return (
    <div class="follow-form">
      <form method="post" action="/follows" class="follow-form__follow">
        <CsrfInput token={csrf} />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="target" value={target} />
        <input type="hidden" name="label" value={label} />
        <input type="hidden" name="back" value={back} />
        <label for={`${id}-frequency`}>{current ? t('follows.form.following', { name: label }) : t('follows.form.follow_label', { name: label })}</label>
        <select id={`${id}-frequency`} name="frequency">
          {followFrequencies.map((f) => (
            <option value={f} selected={f === (current ?? 'daily')}>
              {t(`follows.frequency.${f}`)}
            </option>
          ))}
        </select>
        <button type="submit">{current ? t('follows.form.change') : t('follows.form.follow')}</button>
      </form>
      {current && (
        <form method="post" action="/follows/remove" class="follow-form__stop">
          <CsrfInput token={csrf} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="target" value={target} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class="button--secondary">
            {t('follows.form.stop')}
          </button>
        </form>
      )}
    </div>
  );
};
