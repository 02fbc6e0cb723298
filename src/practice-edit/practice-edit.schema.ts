import { z } from 'zod';
import { baseVersion } from '../history/history.schema.ts';
import { storableString } from '../shared/storable-text.ts';

/** Longest summary of a change; it is shown in the history's list. */
export const editMessageMax = 500;

/** The "summary of your change", which becomes the revision message. Messages are catalogue keys. */
export const editMessage = storableString().trim().min(1, 'edit.error.message_required').max(editMessageMax, 'form.error.too_long');

/** What the edit form posts besides the practice's fields. `intent=preview` shows the Markdown without saving. */
export const editExtras = z.object({
  base: baseVersion,
  message: z.string().catch(''),
  intent: z.enum(['save', 'preview']).catch('save'),
});
