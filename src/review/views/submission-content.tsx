import { raw } from 'hono/html';
import type { Child, FC } from 'hono/jsx';
import { countryName } from '../../geo/countries.ts';
import type { Translator } from '../../i18n/i18n.ts';
import { practiceHref } from '../../practices/views/practice-links.ts';
import { languageName } from '../../practices/views/practice-translation.ts';
import type { ResourceFileInfo } from '../../resources/resource-file.repo.ts';
import { ResourceSubmissionFields } from '../../resources/views/resource-facts.tsx';
import { renderMarkdown } from '../../shared/markdown.ts';
import type { Submission } from '../../submissions/submission.repo.ts';
import { usePage } from '../../views/page-context.ts';
import { actorTypes, evidenceLevels, levels, statuses, supportKinds, themes } from '../../vocabulary/vocabularies.ts';
import { draftRecordFields } from '../published-record.ts';
import type { RelatedPractice } from '../review.service.ts';
import { asObjectList, asText, asTextList, recordFieldLabels } from './submission-labels.ts';

/** Fields written in Markdown: shown rendered by the sanitiser, never as raw HTML. */
const markdownFields = new Set(['body', 'challenge', 'approach', 'outcomes', 'evaluation', 'lessons', 'transferability']);

/** Fields the read-back lists, in the exchange format's order; the adaptation link has its own box. */
const shownFields = Object.keys(recordFieldLabels).filter((f) => f !== 'adapted_from' && f !== 'translations' && f !== 'updated');

/** Rendered Markdown of contributed text; the sanitiser escapes any HTML in it. */
const Markdown: FC<{ text: string; lang?: string }> = ({ text, lang }) => (
  <div class="prose" lang={lang} dir="auto">
    {raw(renderMarkdown(text, { topHeading: 4 }))}
  </div>
);

/** A code of a closed list in the reader's language; an unknown code is shown as it is, so nothing is hidden from the editor. */
function vocabularyLabel(t: Translator['t'], list: readonly (string | number)[], prefix: string, value: string): Child {
  return list.map(String).includes(value) ? t(`${prefix}.${value}`) : <code>{value}</code>;
}

/** The value of one record field, formatted for reading; undefined when the draft leaves it empty. */
function fieldValue(i18n: Translator, field: string, data: Record<string, unknown>, lang: string | undefined): Child | undefined {
  const { t } = i18n;
  const v = data[field];
  const text = asText(v);
  const list = (items: Child[]) =>
    items.length ? (
      <ul class="review-values">
        {items.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
    ) : undefined;
  switch (field) {
    case 'language':
      return text && languageName(text, i18n.locale);
    case 'country':
      return text && countryName(text, i18n.locale);
    case 'location': {
      const loc = asObjectList([v])[0];
      return loc && typeof loc.lat === 'number' && typeof loc.lon === 'number' ? <span dir="ltr">{`${loc.lat}, ${loc.lon}`}</span> : undefined;
    }
    case 'level':
      return text && vocabularyLabel(t, levels, 'level', text);
    case 'status':
      return text && vocabularyLabel(t, statuses, 'status', text);
    case 'evidence_level':
      return text && vocabularyLabel(t, evidenceLevels, 'evidence', text);
    case 'themes':
      return list(asTextList(v).map((x) => vocabularyLabel(t, themes, 'theme', x)));
    case 'actor_types':
      return list(asTextList(v).map((x) => vocabularyLabel(t, actorTypes, 'actor', x)));
    case 'target_groups':
      return list(asTextList(v).map((x) => <bdi>{x}</bdi>));
    case 'partners':
      return list(
        asObjectList(v).map((p) => {
          const name = <bdi>{asText(p.name) ?? ''}</bdi>;
          const support = asText(p.support);
          return support ? (
            <>
              {name} ({vocabularyLabel(t, supportKinds, 'support', support)})
            </>
          ) : (
            name
          );
        }),
      );
    case 'sources':
      return list(
        asObjectList(v).map((s) => {
          const url = asText(s.url) ?? '';
          const title = asText(s.title);
          // Only http(s) addresses become links; anything else is shown as text for the editor to judge.
          const link = /^https?:\/\//i.test(url) ? (
            <a href={url} rel="nofollow ugc noopener" dir="ltr">
              {url}
            </a>
          ) : (
            <code>{url}</code>
          );
          return title ? (
            <>
              <bdi>{title}</bdi> — {link}
            </>
          ) : (
            link
          );
        }),
      );
    default:
      if (!text) return undefined;
      if (markdownFields.has(field)) return <Markdown text={text} lang={lang} />;
      return (
        <span lang={lang} dir="auto">
          {text}
        </span>
      );
  }
}

/** Every field of a practice draft with its label, "not filled in" where empty. */
const PracticeFields: FC<{ submission: Submission }> = ({ submission }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const data = draftRecordFields(submission);
  const lang = asText(data.language);
  return (
    <dl class="review-fields">
      {shownFields.map((field) => {
        const value = fieldValue(i18n, field, data, lang);
        return (
          <>
            <dt>{t(recordFieldLabels[field])}</dt>
            <dd>{value ?? <span class="review-fields__empty">{t('review.field.empty')}</span>}</dd>
          </>
        );
      })}
    </dl>
  );
};

/** For an adaptation: the practice it adapts (linked) and what was kept, changed and why. */
const AdaptationBox: FC<{ submission: Submission; related?: RelatedPractice }> = ({ submission, related }) => {
  const { t } = usePage().i18n;
  const changes = asObjectList(submission.data.adapted_from)
    .map((l) => asText(l.changes))
    .filter((c): c is string => !!c);
  return (
    <section class="review-box" aria-labelledby="adaptation-heading">
      <h3 id="adaptation-heading">{t('review.adaptation.heading')}</h3>
      <p>
        {t('review.adaptation.of')}{' '}
        {related ? (
          <a href={practiceHref(related.id)} lang={related.record.language} dir="auto">
            {related.record.title}
          </a>
        ) : (
          <>
            <code>{submission.adaptedFromId}</code> {t('review.adaptation.missing')}
          </>
        )}
      </p>
      <h4>{t('review.adaptation.changes')}</h4>
      {changes.length ? (
        changes.map((c) => (
          <p class="review-text" dir="auto">
            {c}
          </p>
        ))
      ) : (
        <p>{t('review.adaptation.no_changes')}</p>
      )}
    </section>
  );
};

/** One text of a translation beside the original's. */
const Compare: FC<{ label: string; original?: string; originalLang?: string; translated?: string; lang: string; markdown?: boolean }> = ({
  label,
  original,
  originalLang,
  translated,
  lang,
  markdown,
}) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const show = (text: string | undefined, l: string | undefined) =>
    !text ? (
      <p class="review-fields__empty">{t('review.field.empty')}</p>
    ) : markdown ? (
      <Markdown text={text} lang={l} />
    ) : (
      <p lang={l} dir="auto">
        {text}
      </p>
    );
  return (
    <div class="review-compare">
      <h4>{label}</h4>
      <div class="review-compare__pair">
        <div>
          <p class="review-compare__which">{t('review.translation.original', { language: originalLang ? languageName(originalLang, i18n.locale) : '—' })}</p>
          {show(original, originalLang)}
        </div>
        <div>
          <p class="review-compare__which">{t('review.translation.translated', { language: languageName(lang, i18n.locale) })}</p>
          {show(translated, lang)}
        </div>
      </div>
    </div>
  );
};

/** A translation: the original's title and summary beside the translated ones, the description, and who translated it. */
const TranslationFields: FC<{ submission: Submission; related?: RelatedPractice }> = ({ submission, related }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const lang = submission.translationLanguage ?? '';
  const data = submission.data;
  const r = related?.record;
  return (
    <>
      <dl class="review-fields">
        <dt>{t('review.translation.of')}</dt>
        <dd>
          {related && r ? (
            <a href={practiceHref(related.id)} lang={r.language} dir="auto">
              {r.title}
            </a>
          ) : (
            <>
              <code>{submission.practiceId}</code> {t('review.translation.practice_missing')}
            </>
          )}
        </dd>
        <dt>{t('review.translation.language')}</dt>
        <dd>{lang ? languageName(lang, i18n.locale) : '—'}</dd>
        <dt>{t('review.translation.made_by')}</dt>
        <dd>{t(data.machine === true ? 'review.translation.machine' : 'review.translation.human')}</dd>
      </dl>
      <Compare label={t('review.field.title')} original={r?.title} originalLang={r?.language} translated={asText(data.title)} lang={lang} />
      <Compare label={t('review.field.summary')} original={r?.summary} originalLang={r?.language} translated={asText(data.summary)} lang={lang} />
      <Compare label={t('practice.section.body')} original={r?.body} originalLang={r?.language} translated={asText(data.body)} lang={lang} markdown />
    </>
  );
};

/** The submission read back in full, as the editor judges it and the submitter sent it. */
export const SubmissionContent: FC<{ submission: Submission; related?: RelatedPractice; resourceFile?: ResourceFileInfo }> = ({
  submission,
  related,
  resourceFile,
}) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="content-heading">
      <h2 id="content-heading">{t('review.content.heading')}</h2>
      {submission.kind === 'resource' ? (
        <ResourceSubmissionFields submissionId={submission.id} data={submission.data} file={resourceFile} />
      ) : submission.kind === 'translation' ? (
        <TranslationFields submission={submission} related={related} />
      ) : (
        <>
          {submission.adaptedFromId && <AdaptationBox submission={submission} related={related} />}
          <PracticeFields submission={submission} />
        </>
      )}
    </section>
  );
};
