import type { FC } from 'hono/jsx';
import { usePage } from '../../views/page-context.ts';
import type { PracticeContact } from '../practice-contact.ts';
import { ContactForm, type ContactFormState } from './contact-form.tsx';

/**
 * "Contact" on a practice page: the form that writes to the person or the organisation the
 * record names (signed-in readers; visitors are asked to sign in), never showing an address.
 * When nobody named can be written to, who to ask instead: the named organisation's page, or
 * the lead organisation's in the directory. Nothing when the record gives neither.
 */
export const PracticeContactSection: FC<{
  practiceId: string;
  contact: PracticeContact;
  /** The lead organisation, when the directory knows it: where to ask when the record names no contact. */
  lead?: { slug: string; name: string };
  form?: ContactFormState;
}> = ({ practiceId, contact, lead, form }) => {
  const { t } = usePage().i18n;
  const path = `/practices/${encodeURIComponent(practiceId)}`;
  const askAt = contact.organization ?? lead;
  if (!contact.reachable && !askAt) return null;
  const recipient = contact.person?.name ?? contact.organization?.name ?? '';
  return (
    <section aria-labelledby="contact" class="practice-contact">
      <h2 id="contact">{t('people.practice_contact.title')}</h2>
      {contact.reachable ? (
        <>
          <p>
            {contact.person ? (
              <>
                {t('people.practice_contact.person')} <a href={`/people/${encodeURIComponent(contact.person.slug)}`}>{contact.person.name}</a>
              </>
            ) : (
              <>
                {t('people.practice_contact.organization')}{' '}
                <a href={`/organizations/${encodeURIComponent(contact.organization?.slug ?? '')}`} dir="auto">
                  {contact.organization?.name}
                </a>
              </>
            )}
          </p>
          <ContactForm action={`${path}/contact`} back={path} recipient={recipient} state={form} />
        </>
      ) : (
        <p>
          {t('people.practice_contact.ask_at')}{' '}
          <a href={`/organizations/${encodeURIComponent(askAt?.slug ?? '')}`} dir="auto">
            {askAt?.name}
          </a>
        </p>
      )}
    </section>
  );
};
