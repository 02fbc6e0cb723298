import { z } from 'zod';
import { storableString } from '../shared/storable-text.ts';

/** Limits of a contact message: a subject line and a message long enough for an introduction, short enough to read. */
export const contactLimits = { subject: 150, message: 5000 } as const;

/** POST /people/{slug}/contact and POST /practices/{id}/contact: a subject line and a plain-text message. */
export const contactForm = z.object({
  subject: z
    .preprocess((v) => v ?? '', storableString())
    .pipe(
      z
        .string()
        .trim()
        .min(1, 'people.contact.subject.required')
        .max(contactLimits.subject, 'people.contact.subject.too_long')
        // One line: a mail's subject is a header.
        .refine((v) => !/[\r\n]/.test(v), 'people.contact.subject.one_line'),
    ),
  message: z
    .preprocess((v) => v ?? '', storableString())
    .pipe(
      z
        .string()
        .transform((v) => v.replace(/\r\n?/g, '\n').trim())
        .pipe(z.string().min(1, 'people.contact.message.required').max(contactLimits.message, 'people.contact.message.too_long')),
    ),
});

export type ContactInput = z.infer<typeof contactForm>;
