import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { type FormStep, formSteps } from '../../practice-form/practice-form.fields.ts';
import type { PracticeRecord } from '../../practices/practice.schema.ts';
import { languageName } from '../../practices/views/practice-translation.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { usePage } from '../../views/page-context.ts';
import type { AdaptAnswers } from '../draft-data.ts';
import { stepPath } from '../submit-paths.ts';

type Draft = Partial<PracticeRecord>;

/** One label and its value; "not filled in" when there is nothing. */
const Row: FC<{ label: string; children?: Child; empty: boolean }> = ({ label, children, empty }) => {
  const { t } = usePage().i18n;
  return (
    <>
      <dt>{label}</dt>
      <dd>{empty ? <span class="draft-readback__empty">{t('submissions.review.empty')}</span> : children}</dd>
    </>
  );
};

/** Contributed Markdown, sanitised, in the draft's language. */
const Markdown: FC<{ text: string; lang?: string }> = ({ text, lang }) => (
  <div class="prose" lang={lang} dir="auto">{raw(renderMarkdown(text, { topHeading: 4 }))}</div>
);

/** A list of labels, or of contributed strings kept in their own direction. */
const Items: FC<{ items: string[] }> = ({ items }) => (
  <ul class="fact-list">
    {items.map((i) => <li><bdi>{i}</bdi></li>)}
  </ul>
);

/** The rows of one step, read back from the draft. */
function rowsOf(step: FormStep, d: Draft, i18n: Translator): Child {
  const { t, locale } = i18n;
  const lang = d.language;
  const text = (name: keyof Draft, v: string | number | undefined) => (
    <Row label={t(`form.field.${String(name)}`)} empty={v === undefined || v === ''}><bdi lang={typeof v === 'string' ? lang : undefined}>{String(v ?? '')}</bdi></Row>
  );
  const md = (name: 'challenge' | 'approach' | 'body' | 'outcomes' | 'evaluation' | 'lessons' | 'transferability') => (
    <Row label={t(`form.field.${name}`)} empty={!d[name]}>{d[name] && <Markdown text={d[name]} lang={lang} />}</Row>
  );
  switch (step) {
    case 'basics':
      return (
        <>
          {text('title', d.title)}
          <Row label={t('form.field.summary')} empty={!d.summary}><p class="draft-readback__text" lang={lang} dir="auto">{d.summary}</p></Row>
          <Row label={t('form.field.language')} empty={!d.language}>{d.language && languageName(d.language, locale)}</Row>
          <Row label={t('form.field.themes')} empty={!d.themes?.length}><Items items={(d.themes ?? []).map((th) => t(`theme.${th}`))} /></Row>
          <Row label={t('form.field.status')} empty={!d.status}>{d.status && t(`status.${d.status}`)}</Row>
          <Row label={t('form.field.started')} empty={d.started === undefined}>{String(d.started ?? '')}</Row>
          <Row label={t('form.field.ended')} empty={d.ended === undefined}>{String(d.ended ?? '')}</Row>
        </>
      );
    case 'place':
      return (
        <>
          <Row label={t('form.field.level')} empty={!d.level}>{d.level && t(`level.${d.level}`)}</Row>
          {text('city', d.city)}
          <Row label={t('form.field.country')} empty={!d.country}>{d.country && countryName(d.country, locale)}</Row>
          <Row label={t('form.field.location')} empty={!d.location}>
            {d.location && t('submissions.review.location', { lat: String(d.location.lat), lon: String(d.location.lon) })}
          </Row>
          <Row label={t('form.field.actor_types')} empty={!d.actor_types?.length}><Items items={(d.actor_types ?? []).map((a) => t(`actor.${a}`))} /></Row>
          {text('lead_organization', d.lead_organization)}
          <Row label={t('form.field.partners')} empty={!d.partners?.length}>
            <Items items={(d.partners ?? []).map((p) => (p.support ? t('practice.partner.with_support', { name: p.name, support: t(`support.${p.support}`) }) : p.name))} />
          </Row>
          <Row label={t('form.field.target_groups')} empty={!d.target_groups?.length}><Items items={d.target_groups ?? []} /></Row>
        </>
      );
    case 'how':
      return <>{md('challenge')}{md('approach')}{md('body')}</>;
    case 'results':
      return (
        <>
          {md('outcomes')}
          {md('evaluation')}
          {md('lessons')}
          {md('transferability')}
          <Row label={t('form.field.evidence_level')} empty={!d.evidence_level}>{d.evidence_level && t(`evidence.${d.evidence_level}`)}</Row>
        </>
      );
    case 'sources':
      return (
        <Row label={t('form.field.sources')} empty={!d.sources?.length}>
          <ul class="sources">
            {(d.sources ?? []).map((s) => (
              <li>{/^https?:\/\//i.test(s.url) ? <a href={s.url} rel="nofollow noopener" dir="ltr">{s.title ?? s.url}</a> : <bdi>{s.title ?? s.url}</bdi>}</li>
            ))}
          </ul>
        </Row>
      );
  }
}

/**
 * The whole draft read back, grouped by the form's steps, each with a link to edit that step.
 * Values are the saved ones; Markdown goes through the same sanitiser as the practice page.
 */
export const DraftReadback: FC<{ id: number; draft: Draft; adapt?: AdaptAnswers }> = ({ id, draft, adapt }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="draft-readback">
      {adapt && (
        <section aria-labelledby="readback-adapt" class="draft-readback__group">
          <div class="draft-readback__head">
            <h2 id="readback-adapt">{t('submissions.adapt.legend')}</h2>
            <a href={`${stepPath(id, 1)}#step-adapt`} aria-label={t('submissions.review.edit_step', { step: t('submissions.adapt.legend') })}>{t('submissions.review.edit')}</a>
          </div>
          <dl class="readback-fields">
            <Row label={t('submissions.adapt.kept')} empty={!adapt.kept}><p class="draft-readback__text" dir="auto">{adapt.kept}</p></Row>
            <Row label={t('submissions.adapt.changed')} empty={!adapt.changed}><p class="draft-readback__text" dir="auto">{adapt.changed}</p></Row>
            <Row label={t('submissions.adapt.why')} empty={!adapt.why}><p class="draft-readback__text" dir="auto">{adapt.why}</p></Row>
          </dl>
        </section>
      )}
      {formSteps.map((step, i) => (
        <section aria-labelledby={`readback-${step}`} class="draft-readback__group">
          <div class="draft-readback__head">
            <h2 id={`readback-${step}`}>{t(`form.step.${step}`)}</h2>
            <a href={stepPath(id, i + 1)} aria-label={t('submissions.review.edit_step', { step: t(`form.step.${step}`) })}>{t('submissions.review.edit')}</a>
          </div>
          <dl class="readback-fields">{rowsOf(step, draft, i18n)}</dl>
        </section>
      ))}
    </div>
  );
};
