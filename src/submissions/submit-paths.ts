/** Paths of the submission form's pages, in one place for routes, views and mails. */
export const submitPath = '/submit';
/** One step of a draft's form (n = 1…5). */
export const stepPath = (id: number, n: number) => `/submit/${id}/step/${n}`;
/** The whole draft read back to its submitter to check, with "Send to review". */
export const checkPath = (id: number | string) => `/submit/${id}/check`;
/** Where the read-back page had been before it was named "check"; it redirects (308) there, for bookmarks. */
export const oldCheckPath = '/submit/:id{[0-9]+}/review';
/** Where the read-back page's button sends the draft. */
export const sendPath = (id: number) => `/submit/${id}/send`;
/** The confirmation page (GET) and action (POST) of withdrawing. */
export const withdrawPath = (id: number) => `/submit/${id}/withdraw`;
/** The person's list of submissions, with a notice after an action. */
export const mySubmissionsPath = (done?: 'sent' | 'withdrawn') => (done ? `/my/submissions?done=${done}` : '/my/submissions');
/** The translation form of a practice, optionally opened on a language. */
export const translatePath = (practiceId: string, lang?: string) =>
  `/practices/${encodeURIComponent(practiceId)}/translate${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`;
/** A resource submission's form (the library's area serves it), while its submitter may still change it. */
export const resourceDraftPath = (id: number) => `/resources/submissions/${id}`;
