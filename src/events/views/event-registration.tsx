import type { FC } from 'hono/jsx';
import { CsrfInput } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import type { ListedRegistration } from '../event-registration.repo.ts';

/** What the event page knows of registration on the site. */
export interface RegistrationView {
  eventId: string;
  capacity: number;
  registered: number;
  waiting: number;
  /** Whether people may still register or cancel (the event has not started). */
  open: boolean;
  /** The signed-in person's form token; undefined for a visitor. */
  csrf?: string;
  /** Where the signed-in person stands; undefined when they never registered. */
  mine?: { status: 'registered' | 'waiting' | 'cancelled'; place?: number };
  /** The organisers' list (names only), for editors and admins. */
  list?: ListedRegistration[];
}

/**
 * Registration on the site: places left and the waiting list's length, where the person stands,
 * and the one button that fits (register, join the waiting list, cancel); a visitor is asked to
 * sign in. Organisers see who registered, with the list as CSV.
 */
export const RegistrationBox: FC<{ r: RegistrationView }> = ({ r }) => {
  const { t } = usePage().i18n;
  const left = Math.max(0, r.capacity - r.registered);
  const active = r.mine && r.mine.status !== 'cancelled';
  return (
    <section class="aside-box event-registration" aria-labelledby="registration">
      <h2 id="registration">{t('event.reg.heading')}</h2>
      <p>
        {t('event.reg.places', { left, capacity: r.capacity })}
        {r.waiting > 0 && ` ${t('event.reg.waiting_count', { count: r.waiting })}`}
      </p>
      {r.mine?.status === 'registered' && <p class="event-registration__mine">{t('event.reg.mine.registered')}</p>}
      {r.mine?.status === 'waiting' && <p class="event-registration__mine">{t('event.reg.mine.waiting', { place: r.mine.place ?? 0 })}</p>}
      {!r.open ? (
        <p>{t('event.reg.closed')}</p>
      ) : r.csrf === undefined ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(`/events/${r.eventId}`)}`}>{t('event.reg.sign_in')}</a>
        </p>
      ) : active ? (
        <form method="post" action={`/events/${r.eventId}/cancel`}>
          <CsrfInput token={r.csrf} />
          <button type="submit" class="button--secondary">
            {t(r.mine?.status === 'waiting' ? 'event.reg.leave_waiting' : 'event.reg.cancel')}
          </button>
        </form>
      ) : (
        <form method="post" action={`/events/${r.eventId}/register`}>
          <CsrfInput token={r.csrf} />
          <button type="submit">{t(left > 0 ? 'event.reg.register' : 'event.reg.join_waiting')}</button>
        </form>
      )}
      {r.list && <RegistrationList eventId={r.eventId} list={r.list} />}
    </section>
  );
};

/** The organisers' view of the list: who holds a place and who waits, in order, names only. */
const RegistrationList: FC<{ eventId: string; list: ListedRegistration[] }> = ({ eventId, list }) => {
  const { t } = usePage().i18n;
  const registered = list.filter((p) => p.status === 'registered');
  const waiting = list.filter((p) => p.status === 'waiting');
  return (
    <>
      <h3>{t('event.reg.list.heading')}</h3>
      {registered.length === 0 ? (
        <p>{t('event.reg.list.none')}</p>
      ) : (
        <ol class="event-registration__list">
          {registered.map((p) => (
            <li>
              <bdi>{p.name}</bdi>
            </li>
          ))}
        </ol>
      )}
      {waiting.length > 0 && (
        <>
          <h3>{t('event.reg.list.waiting')}</h3>
          <ol class="event-registration__list">
            {waiting.map((p) => (
              <li>
                <bdi>{p.name}</bdi>
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <a href={`/events/${eventId}/registrations.csv`}>{t('event.reg.list.csv')}</a>
      </p>
    </>
  );
};
