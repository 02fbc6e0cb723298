import type { FC } from 'hono/jsx';
import type { SubmissionEvent } from '../../submissions/submission-events.repo.ts';
import { CsrfInput } from '../../views/form-parts.tsx';
import { usePage } from '../../views/page-context.ts';
import { TextAreaField } from './review-form-parts.tsx';

/** Who wrote an event, marked when it is the submitter so an editor reading the thread can tell the sides apart. */
const Author: FC<{ event: SubmissionEvent; submitterId: number }> = ({ event, submitterId }) => {
  const { t } = usePage().i18n;
  if (!event.authorName) return <strong>{t('review.thread.unknown_author')}</strong>;
  return (
    <>
      <strong>
        <bdi>{event.authorName}</bdi>
      </strong>
      {event.authorId === submitterId && ` ${t('review.thread.submitter_mark')}`}
    </>
  );
};

/** One message or change of state, with its author and time; the text is shown as text, line breaks kept. */
const ThreadItem: FC<{ event: SubmissionEvent; submitterId: number }> = ({ event, submitterId }) => {
  const { i18n } = usePage();
  const { t } = i18n;
  const at = new Date(event.createdAt);
  return (
    <li class={`thread__item thread__item--${event.kind}`}>
      <p class="thread__meta">
        <Author event={event} submitterId={submitterId} />
        {' · '}
        <time datetime={at.toISOString()}>{i18n.date(at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
      </p>
      {event.kind === 'state' && event.state && <p class="thread__state">{t('review.thread.state', { state: t(`submissions.state.${event.state}`) })}</p>}
      {event.body && (
        <p class="thread__text" dir="auto">
          {event.body}
        </p>
      )}
    </li>
  );
};

/** The private conversation between the submitter and the editors, with every change of state, oldest first. */
export const SubmissionThread: FC<{ events: SubmissionEvent[]; submitterId: number }> = ({ events, submitterId }) => {
  const { t } = usePage().i18n;
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('review.thread.heading')}</h2>
      <p class="form-field__hint">{t('review.thread.private')}</p>
      {events.length ? (
        <ol class="thread">
          {events.map((e) => (
            <ThreadItem event={e} submitterId={submitterId} />
          ))}
        </ol>
      ) : (
        <p>{t('review.thread.empty')}</p>
      )}
    </section>
  );
};

/** The form to write in the conversation; after a refused post it shows the message as typed. */
export const CommentForm: FC<{ id: number; csrf: string; value?: string; error?: string }> = ({ id, csrf, value, error }) => {
  const { t } = usePage().i18n;
  return (
    <form method="post" action={`/submissions/${id}/comments`} class="review-form" id="comment-form">
      <CsrfInput token={csrf} />
      <TextAreaField id="comment-body" name="body" label={t('review.comment.label')} hint={t('review.comment.hint')} value={value} error={error} />
      <button type="submit">{t('review.comment.submit')}</button>
    </form>
  );
};
