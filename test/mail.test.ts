import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { AccountClient, linkInMail, mailHeader, testPassword } from './support/account-client.ts';
import { startMailCatcher } from './support/mail-catcher.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

for (const engine of testEngines()) {
  describe(`mail over SMTP (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let smtp: Awaited<ReturnType<typeof startMailCatcher>>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      smtp = await startMailCatcher();
    });
    afterAll(async () => {
      await smtp.close();
      await drop();
    });

    it('sends the confirmation mail through SMTP_URL, from MAIL_FROM, with a working link', async () => {
      const app = createTestApp(db, { SMTP_URL: smtp.url, MAIL_FROM: 'Clearinghouse <hello@clearinghouse.example>' });
      const b = new AccountClient(app);
      const email = `smtp-${Date.now()}@example.org`;
      const res = await b.submit('/signup', '/signup', { name: 'Tomás Ruiz', email, password: testPassword });
      expect(res.status).toBe(303);

      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail.to).toEqual([email]);
      expect(mail.from).toBe('hello@clearinghouse.example');
      expect(mailHeader(mail.raw, 'Subject')).toBe('Confirm your email address');

      const link = new URL(linkInMail(mail.raw, '/signup/confirm'));
      const token = link.searchParams.get('token') as string;
      const confirmed = await b.submit(`${link.pathname}${link.search}`, '/signup/confirm', { token });
      expect(confirmed.headers.get('location')).toBe('/login?done=confirmed');
      const user = await db.selectFrom('users').select('email_confirmed_at').where('email', '=', email).executeTakeFirstOrThrow();
      expect(user.email_confirmed_at).not.toBeNull();
    });
  });
}
