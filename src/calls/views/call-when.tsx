import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import { zonedWhen } from '../call-dates.ts';

/**
 * An instant of a call in the call's zone (named, so a visitor elsewhere can work out their own
 * time without JavaScript) and a line the site's small script fills with the visitor's own time
 * (src/assets/local-time.js).
 */
export const CallWhen: FC<{ at: Date; zone: string }> = ({ at, zone }) => {
  const { i18n } = usePage();
  return (
    <>
      <time datetime={at.toISOString()}>{zonedWhen(i18n.locale, at, zone)}</time>{' '}
      <span class="meta" dir="ltr">
        ({zone.replace(/_/g, ' ')})
      </span>
      <span
        class="local-time"
        hidden
        data-local-time=""
        data-start={at.toISOString()}
        data-end={at.toISOString()}
        data-zone={zone}
        data-label={i18n.t('calls.local_time', { time: '{time}' })}
      />
    </>
  );
};

/** The site's script that writes each visitor's own time, when the assets have it. */
export const LocalTimeScript: FC = () => {
  const script = usePage().assets.scripts?.['local-time.js'];
  return script ? <script src={script} defer /> : null;
};
