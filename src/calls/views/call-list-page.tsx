import type { FC } from 'hono/jsx';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { CallTab, ListedCall } from '../call.repo.ts';
import { callTabs } from '../call.repo.ts';
import { relativeWords, zonedWhen } from '../call-dates.ts';

/** One call in the list: its title (an example marked), who may apply, and when it closes or opens. */
const CallCard: FC<{ call: ListedCall; tab: CallTab | 'draft'; now: Date }> = ({ call: c, tab, now }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const at = tab === 'upcoming' ? c.opens_at : c.closes_at;
  const line = tab === 'upcoming' ? 'calls.card.opens' : tab === 'closed' ? 'calls.card.closed' : 'calls.card.closes';
  return (
    <li class="org-card">
      <h3 class="org-card__name">
        <a href={`/calls/${c.slug}`} dir="auto">
          {c.title}
        </a>
        {c.example && <strong class="example-badge"> {t('calls.example')}</strong>}
      </h3>
      <p class="meta">
        {c.eligible.map((k) => t(`calls.eligible.${k}`)).join(' · ')} · <time datetime={at.toISOString()}>{zonedWhen(i18n.locale, at, c.time_zone)}</time> (
        {t(line, { when: relativeWords(i18n.locale, at, now) })})
      </p>
    </li>
  );
};

/** GET /calls: published calls open now, upcoming or closed (a tab each); coordinators also see their drafts and the link to open a call. */
export const CallListPage: FC<{ tab: CallTab; items: ListedCall[]; now: Date; drafts?: ListedCall[] }> = ({ tab, items, now, drafts }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('calls.list.title')} description={t('calls.list.lead')} canonical={tab === 'open' ? '/calls' : `/calls?tab=${tab}`}>
      <h1>{t('calls.list.title')}</h1>
      <p class="lead">{t('calls.list.lead')}</p>
      {drafts && (
        <p>
          <a href="/calls/new" class="button">
            {t('calls.new.link')}
          </a>
        </p>
      )}
      <nav aria-label={t('calls.list.which')}>
        <ul class="call-tabs">
          {callTabs.map((k) => (
            <li>
              {k === tab ? (
                <strong aria-current="page">{t(`calls.tab.${k}`)}</strong>
              ) : (
                <a href={k === 'open' ? '/calls' : `/calls?tab=${k}`}>{t(`calls.tab.${k}`)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t(`calls.tab.${tab}`)}</h2>
      {items.length === 0 ? (
        <p>{t(`calls.list.none_${tab}`)}</p>
      ) : (
        <ul class="org-list">
          {items.map((c) => (
            <CallCard call={c} tab={tab} now={now} />
          ))}
        </ul>
      )}
      {drafts && drafts.length > 0 && (
        <section aria-labelledby="drafts">
          <h2 id="drafts">{t('calls.list.drafts')}</h2>
          <ul class="org-list">
            {drafts.map((c) => (
              <CallCard call={c} tab="draft" now={now} />
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
};
