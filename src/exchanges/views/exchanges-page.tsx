import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../../shared/form-values.ts';
import { CsrfInput, describedBy, FieldNotes, Notice, TextAreaField } from '../../views/form-parts.tsx';
import { cityLabel, isolated } from '../../views/labels.ts';
import { Layout } from '../../views/layout.tsx';
import { usePage } from '../../views/page-context.ts';
import type { Exchange } from '../exchange.repo.ts';
import { maxExchangeMessage } from '../exchange.schema.ts';
import { CityLink, practicePath } from './exchange-parts.tsx';

/** A form of one exchange refused, shown again with what was typed. */
export interface RefusedExchangeForm {
  id: number;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** What /exchanges shows: requests to the reader's cities, and those they or their cities sent. */
export interface ExchangesPageData {
  incoming: Exchange[];
  outgoing: Exchange[];
  csrf: string;
  notice?: string;
  refused?: RefusedExchangeForm;
}

/** Accept or decline a request, with a message to the asker. */
const DecideForm: FC<{ x: Exchange; csrf: string; refused?: RefusedExchangeForm }> = ({ x, csrf, refused }) => {
  const { t } = usePage().i18n;
  const prefix = `x${x.id}`;
  const error = refused?.errors.outcome;
  return (
    <form method="post" action={`/exchanges/${x.id}/decide`} class="exchange-decide">
      <CsrfInput token={csrf} />
      <fieldset aria-describedby={describedBy(`${prefix}-outcome`, undefined, error)}>
        <legend>{t('exchanges.decide.legend')}</legend>
        <FieldNotes id={`${prefix}-outcome`} error={error} />
        {(['accepted', 'declined'] as const).map((o) => (
          <div class="form-check">
            <input type="radio" id={`${prefix}-${o}`} name="outcome" value={o} required checked={refused?.values.outcome === o} />
            <label for={`${prefix}-${o}`}>{t(`exchanges.decide.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        name="message"
        idPrefix={prefix}
        label={t('exchanges.decide.message')}
        hint={t('exchanges.decide.message.hint')}
        value={refused?.values.message}
        errors={refused?.errors}
        maxlength={maxExchangeMessage}
        rows={3}
      />
      <button type="submit">{t('exchanges.decide.submit')}</button>
    </form>
  );
};

/** Name the practice that came out of an accepted exchange. */
const OutcomeForm: FC<{ x: Exchange; csrf: string; refused?: RefusedExchangeForm }> = ({ x, csrf, refused }) => {
  const { t } = usePage().i18n;
  const id = `x${x.id}-practice`;
  const hint = t('exchanges.outcome.hint', { from: x.from.name, to: x.to.name });
  const error = refused?.errors.practice;
  return (
    <form method="post" action={`/exchanges/${x.id}/practice`} class="exchange-outcome">
      <CsrfInput token={csrf} />
      <div class={error ? 'form-field form-field--error' : 'form-field'}>
        <label for={id}>{t('exchanges.outcome.label')}</label>
        <FieldNotes id={id} hint={hint} error={error} />
        <input
          id={id}
          name="practice"
          type="text"
          dir="ltr"
          required
          maxlength={200}
          value={refused?.values.practice ?? x.outcome?.id ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      </div>
      <button type="submit" class="button--secondary">
        {t('exchanges.outcome.submit')}
      </button>
    </form>
  );
};

/** One exchange: the other city, kind, theme, the asker and their message, where it stands, and what the reader may do. */
const ExchangeItem: FC<{ x: Exchange; incoming: boolean; csrf: string; refused?: RefusedExchangeForm }> = ({ x, incoming, csrf, refused }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const mine = refused?.id === x.id ? refused : undefined;
  const name = (c: Exchange['from']) => isolated(cityLabel(i18n, c.country, c.name), i18n.dir);
  return (
    <li class="exchange-item" id={`exchange-${x.id}`}>
      <h3>
        <CityLink city={x.from} /> → <CityLink city={x.to} />
      </h3>
      <p class="exchange-item__what">
        {t(`exchanges.kind.${x.kind}`)} · {t(`theme.${x.theme}`)} · <strong>{t(`exchanges.state.${x.state}`)}</strong>
      </p>
      <p class="meta">
        {t(x.onBehalf ? 'exchanges.list.asked_by' : 'exchanges.list.asked_by_member', {
          name: x.requesterName ?? t('exchanges.list.former_member'),
          city: name(x.from),
          date: i18n.date(x.createdAt),
        })}
      </p>
      <blockquote class="exchange-item__message">
        <p dir="auto">{x.message}</p>
      </blockquote>
      {x.decisionMessage && (
        <p class="exchange-item__answer">
          <strong>{t('exchanges.list.answer')}</strong> <bdi>{x.decisionMessage}</bdi>
        </p>
      )}
      {x.outcome && (
        <p class="meta">
          {t('exchanges.city.outcome')}{' '}
          <a href={practicePath(x.outcome.id)} dir="auto">
            {x.outcome.title ?? x.outcome.id}
          </a>
        </p>
      )}
      {x.state === 'requested' && incoming && <DecideForm x={x} csrf={csrf} refused={mine} />}
      {x.state === 'requested' && !incoming && (
        <form method="post" action={`/exchanges/${x.id}/withdraw`}>
          <CsrfInput token={csrf} />
          <button type="submit" class="button--secondary">
            {t('exchanges.withdraw.submit')}
          </button>
        </form>
      )}
      {x.state === 'accepted' && <OutcomeForm x={x} csrf={csrf} refused={mine} />}
    </li>
  );
};

/** GET /exchanges: the reader's exchanges, incoming first (to answer), then those they sent. */
export const ExchangesPage: FC<{ data: ExchangesPageData }> = ({ data }) => {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('exchanges.list.title')} noindex>
      <h1>{t('exchanges.list.title')}</h1>
      {data.notice && <Notice kind="success">{t(data.notice)}</Notice>}
      <p>
        {t('exchanges.list.intro')} <a href="/exchange">{t('exchanges.list.partners')}</a>
      </p>
      <section aria-labelledby="exchanges-incoming">
        <h2 id="exchanges-incoming">{t('exchanges.list.incoming')}</h2>
        {data.incoming.length === 0 ? (
          <p>{t('exchanges.list.incoming.none')}</p>
        ) : (
          <ul class="exchange-items">
            {data.incoming.map((x) => (
              <ExchangeItem x={x} incoming csrf={data.csrf} refused={data.refused} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="exchanges-outgoing">
        <h2 id="exchanges-outgoing">{t('exchanges.list.outgoing')}</h2>
        {data.outgoing.length === 0 ? (
          <p>{t('exchanges.list.outgoing.none')}</p>
        ) : (
          <ul class="exchange-items">
            {data.outgoing.map((x) => (
              <ExchangeItem x={x} incoming={false} csrf={data.csrf} refused={data.refused} />
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
};
