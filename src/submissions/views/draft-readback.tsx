import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
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
  <div class="prose" lang={lang} dir="auto">
    {raw(renderMarkdown(text, { topHeading: 4 }))}
  </div>
);

/** A list of labels, or of contributed strings kept in their own direction. */
const Items: FC<{ items: string[] }> = ({ items }) => (
  <ul class="fact-list">
    {items.map((i) => (
      <li>
        <bdi>{i}</bdi>
      </li>
    ))}
  </ul>
);

type MarkdownName = 'challenge' | 'approach' | 'body' | 'outcomes' | 'evaluation' | 'lessons' | 'transferability';

/** A short contributed text or number; text is marked as in the draft's language. */
const TextRow: FC<{ name: keyof Draft; value: string | number | undefined; lang?: string }> = ({ name, value, lang }) => {
  const { t } = usePage().i18n;
  return (
    <Row label={t(`form.field.${String(name)}`)} empty={value === undefined || value === ''}>
      <bdi lang={typeof value === 'string' ? lang : undefined}>{String(value ?? '')}</bdi>
    </Row>
  );
};

/** A contributed Markdown field, rendered. */
const MarkdownRow: FC<{ name: MarkdownName; d: Draft }> = ({ name, d }) => {
  const { t } = usePage().i18n;
  return (
    <Row label={t(`form.field.${name}`)} empty={!d[name]}>
      {d[name] && <Markdown text={d[name]} lang={d.language} />}
    </Row>
  );
};

/** A labelled value the form chose from a vocabulary (or a year), shown as a label. */
const ChosenRow: FC<{ field: string; empty: boolean; children?: Child }> = ({ field, empty, children }) => {
  const { t } = usePage().i18n;
  return (
    <Row label={t(`form.field.${field}`)} empty={empty}>
      {children}
    </Row>
  );
};

/** Title, summary, language, themes, status and period. */
const BasicsRows: FC<{ d: Draft }> = ({ d }) => {
  const { t, locale } = usePage().i18n;
  return (
    <>
      <TextRow name="title" value={d.title} lang={d.language} />
      <ChosenRow field="summary" empty={!d.summary}>
        <p class="draft-readback__text" lang={d.language} dir="auto">
          {d.summary}
        </p>
      </ChosenRow>
      <ChosenRow field="language" empty={!d.language}>
        {d.language && languageName(d.language, locale)}
      </ChosenRow>
      <ChosenRow field="themes" empty={!d.themes?.length}>
        <Items items={(d.themes ?? []).map((th) => t(`theme.${th}`))} />
      </ChosenRow>
      <ChosenRow field="status" empty={!d.status}>
        {d.status && t(`status.${d.status}`)}
      </ChosenRow>
      <ChosenRow field="started" empty={d.started === undefined}>
        {String(d.started ?? '')}
      </ChosenRow>
      <ChosenRow field="ended" empty={d.ended === undefined}>
        {String(d.ended ?? '')}
      </ChosenRow>
    </>
  );
};

/** Level, place, location, actors, lead organisation, partners and target groups. */
const PlaceRows: FC<{ d: Draft }> = ({ d }) => {
  const { t, locale } = usePage().i18n;
  return (
    <>
      <ChosenRow field="level" empty={!d.level}>
        {d.level && t(`level.${d.level}`)}
      </ChosenRow>
      <TextRow name="city" value={d.city} lang={d.language} />
      <ChosenRow field="country" empty={!d.country}>
        {d.country && countryName(d.country, locale)}
      </ChosenRow>
      <ChosenRow field="location" empty={!d.location}>
        {d.location && t('submissions.review.location', { lat: String(d.location.lat), lon: String(d.location.lon) })}
      </ChosenRow>
      <ChosenRow field="actor_types" empty={!d.actor_types?.length}>
        <Items items={(d.actor_types ?? []).map((a) => t(`actor.${a}`))} />
      </ChosenRow>
      <TextRow name="lead_organization" value={d.lead_organization} lang={d.language} />
      <ChosenRow field="partners" empty={!d.partners?.length}>
        <Items
          items={(d.partners ?? []).map((p) => (p.support ? t('practice.partner.with_support', { name: p.name, support: t(`support.${p.support}`) }) : p.name))}
        />
      </ChosenRow>
      <ChosenRow field="target_groups" empty={!d.target_groups?.length}>
        <Items items={d.target_groups ?? []} />
      </ChosenRow>
    </>
  );
};

/** Challenge, approach and the full description. */
const HowRows: FC<{ d: Draft }> = ({ d }) => (
  <>
    <MarkdownRow name="challenge" d={d} />
    <MarkdownRow name="approach" d={d} />
    <MarkdownRow name="body" d={d} />
  </>
);

/** Outcomes, evaluation, lessons, transferability and evidence level. */
const ResultsRows: FC<{ d: Draft }> = ({ d }) => {
  const { t } = usePage().i18n;
  return (
    <>
      <MarkdownRow name="outcomes" d={d} />
      <MarkdownRow name="evaluation" d={d} />
      <MarkdownRow name="lessons" d={d} />
      <MarkdownRow name="transferability" d={d} />
      <ChosenRow field="evidence_level" empty={!d.evidence_level}>
        {d.evidence_level && t(`evidence.${d.evidence_level}`)}
      </ChosenRow>
    </>
  );
};

/** The sources, linked when they are web addresses. */
const SourcesRows: FC<{ d: Draft }> = ({ d }) => (
  <ChosenRow field="sources" empty={!d.sources?.length}>
    <ul class="sources">
      {(d.sources ?? []).map((s) => (
        <li>
          {/^https?:\/\//i.test(s.url) ? (
            <a href={s.url} rel="nofollow noopener" dir="ltr">
              {s.title ?? s.url}
            </a>
          ) : (
            <bdi>{s.title ?? s.url}</bdi>
          )}
        </li>
      ))}
    </ul>
  </ChosenRow>
);

/** The rows of each step, read back from the draft. */
const stepRows: Record<FormStep, FC<{ d: Draft }>> = {
  basics: BasicsRows,
  place: PlaceRows,
  how: HowRows,
  results: ResultsRows,
  sources: SourcesRows,
};

/** The rows of one step, read back from the draft. */
const StepRows: FC<{ step: FormStep; d: Draft }> = ({ step, d }) => {
  const Rows = stepRows[step];
  return <Rows d={d} />;
};

/** The adaptation's three answers, in the order the form asks them. */
const adaptAnswers = ['kept', 'changed', 'why'] as const;

/**
 * The whole draft read back, grouped by the form's steps, each with a link to edit that step.
 * Values are the saved ones; Markdown goes through the same sanitiser as the practice page.
 */
export const DraftReadback: FC<{ id: number; draft: Draft; adapt?: AdaptAnswers }> = ({ id, draft, adapt }) => {
  const { t } = usePage().i18n;
  return (
    <div class="draft-readback">
      {adapt && (
        <section aria-labelledby="readback-adapt" class="draft-readback__group">
          <div class="draft-readback__head">
            <h2 id="readback-adapt">{t('submissions.adapt.legend')}</h2>
            <a href={`${stepPath(id, 1)}#step-adapt`} aria-label={t('submissions.review.edit_step', { step: t('submissions.adapt.legend') })}>
              {t('submissions.review.edit')}
            </a>
          </div>
          <dl class="readback-fields">
            {adaptAnswers.map((answer) => (
              <Row label={t(`submissions.adapt.${answer}`)} empty={!adapt[answer]}>
                <p class="draft-readback__text" dir="auto">
                  {adapt[answer]}
                </p>
              </Row>
            ))}
          </dl>
        </section>
      )}
      {formSteps.map((step, i) => (
        <section aria-labelledby={`readback-${step}`} class="draft-readback__group">
          <div class="draft-readback__head">
            <h2 id={`readback-${step}`}>{t(`form.step.${step}`)}</h2>
            <a href={stepPath(id, i + 1)} aria-label={t('submissions.review.edit_step', { step: t(`form.step.${step}`) })}>
              {t('submissions.review.edit')}
            </a>
          </div>
          <dl class="readback-fields">
            <StepRows step={step} d={draft} />
          </dl>
        </section>
      ))}
    </div>
  );
};
