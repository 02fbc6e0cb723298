import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRole } from '../src/accounts/user-admin.ts';
import type { Database } from '../src/db/database.ts';
import { upsertPractice } from '../src/practices/practice.repo.ts';
import { practiceRecord } from './support/practice-record.ts';
import { createTestApp, createTestDatabase, testEngines } from './support/test-db.ts';

/** A title with every LaTeX special, Arabic and Chinese: what must survive BibTeX and RIS unchanged. */
const title = 'Housing {first} & 100% $ #1 under_score — سياسة الإسكان 住房政策';
const id = 'lyon-housing-citation';

for (const engine of testEngines()) {
  describe(`citing a practice (${engine})`, () => {
    let db: Database;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createTestApp>;

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(engine));
      app = createTestApp(db);
      const named = await createUserWithRole(db, {
        email: `named-${engine}@example.org`,
        role: 'member',
        name: 'Ana Silva',
        password: 'a long river of words',
      });
      await db
        .updateTable('users')
        .set({ profile_public: true, profile_slug: 'ana-silva', profile_published_at: new Date() })
        .where('id', '=', named)
        .execute();
      const hidden = await createUserWithRole(db, {
        email: `hidden-${engine}@example.org`,
        role: 'member',
        name: 'Private Person',
        password: 'a long river of words',
      });
      const record = practiceRecord({
        id,
        title,
        language: 'fr',
        lead_organization: 'Ville de Lyon',
        partners: [{ name: 'Forum Réfugiés', support: 'technical' }],
        target_groups: ['refugees'],
        updated: '2019-05-02',
      });
      await db.transaction().execute(async (trx) => {
        await upsertPractice(trx, record, { author: 'Editor', kind: 'publish', message: 'published', submitterId: named });
        await upsertPractice(
          trx,
          { ...record, summary: 'A translation came in.' },
          { author: 'Editor', kind: 'translation', message: 'fr', submitterId: hidden },
        );
      });
    });
    afterAll(() => drop());

    /** The three authors every format credits, in order: organisations, then the submitter with a public profile. */
    const authors = ['Ville de Lyon', 'Forum Réfugiés', 'Ana Silva'];

    it('shows "Cite this" with the organisations and the named submitter, meta tags for Zotero and one JSON-LD block', async () => {
      const res = await app.request(`/practices/${id}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const doc = parse(html);
      const cite = doc.querySelector('.cite')?.text ?? '';
      expect(cite).toContain('Ville de Lyon; Forum Réfugiés; Ana Silva (2019).');
      expect(cite).toContain(`In: Clearinghouse. http://localhost:3000/practices/${id} (accessed `);
      expect(cite).not.toContain('Private Person');
      // The submitter without a public profile is not named, and the page says so.
      expect(doc.querySelector('.cite__note')?.text).toContain('no public profile');
      const meta = (name: string) => doc.querySelectorAll(`meta[name="${name}"]`).map((m) => m.getAttribute('content'));
      expect(meta('citation_title')).toEqual([title]);
      expect(meta('citation_author')).toEqual(authors);
      expect(meta('citation_publication_date')).toEqual(['2019/05/02']);
      expect(meta('citation_public_url')).toEqual([`http://localhost:3000/practices/${id}`]);
      expect(meta('citation_publisher')).toEqual(['Clearinghouse']);
      expect(meta('citation_technical_report_institution')).toEqual(['Ville de Lyon']);
      expect(meta('citation_language')).toEqual(['fr']);
      expect(meta('citation_keywords')).toEqual(['housing; refugees']);
      const jsonLd = doc.querySelectorAll('script[type="application/ld+json"]');
      expect(jsonLd).toHaveLength(1);
      const ld = JSON.parse(jsonLd[0].text);
      expect(ld.author.map((a: { name: string }) => a.name)).toEqual(authors);
      expect(ld.author[2]).toEqual({ '@type': 'Person', name: 'Ana Silva', url: 'http://localhost:3000/people/ana-silva' });
      for (const format of ['bib', 'ris', 'json']) expect(html).toContain(`href="/practices/${id}/cite.${format}"`);
    });

    it('downloads BibTeX that a BibTeX parser reads back with the same title, authors and address', async () => {
      const res = await app.request(`/practices/${id}/cite.bib`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/x-bibtex; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}.bib"`);
      const bib = await res.text();
      expect(bib).toMatch(/^@misc\{lyon-housing-citation,/);
      // Non-ASCII stays UTF-8; LaTeX specials are escaped.
      expect(bib).toContain('سياسة الإسكان 住房政策');
      expect(bib).toContain('\\{first\\} \\& 100\\% \\$ \\#1 under\\_score');
      const [entry] = new Cite(bib).data;
      expect(entry.title).toBe(title);
      expect(entry.author.map((a: { family?: string; literal?: string }) => a.literal ?? a.family)).toEqual(authors);
      expect(entry.URL).toBe(`http://localhost:3000/practices/${id}`);
      expect(entry.issued['date-parts'][0]).toEqual([2019, 5, 2]);
      expect(entry.publisher).toBe('Clearinghouse');
    });

    it('downloads RIS with CRLF lines that a RIS parser reads back', async () => {
      const res = await app.request(`/practices/${id}/cite.ris`);
      expect(res.headers.get('content-type')).toBe('application/x-research-info-systems; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}.ris"`);
      const ris = await res.text();
      expect(ris.startsWith('TY  - ELEC\r\n')).toBe(true);
      expect(ris.endsWith('ER  - \r\n')).toBe(true);
      expect(ris.replace(/\r\n/g, '')).not.toContain('\n');
      const [entry] = new Cite(ris, { forceType: '@ris/file' }).data;
      expect(entry.type).toBe('webpage');
      expect(entry.title).toBe(title);
      expect(entry.author.map((a: { literal: string }) => a.literal)).toEqual(authors);
      expect(entry.URL).toBe(`http://localhost:3000/practices/${id}`);
    });

    it('downloads CSL-JSON that citation-js accepts as it is', async () => {
      const res = await app.request(`/practices/${id}/cite.json`);
      expect(res.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}.json"`);
      const items = await res.json();
      const [entry] = new Cite(items, { forceType: '@csl/list+object' }).data;
      expect(entry).toMatchObject({ type: 'webpage', title, 'container-title': 'Clearinghouse', language: 'fr', URL: `http://localhost:3000/practices/${id}` });
      expect(entry.author).toEqual(authors.map((literal) => ({ literal })));
      expect(entry.accessed['date-parts'][0]).toHaveLength(3);
    });

    it('answers 404 for a practice that is not published', async () => {
      expect((await app.request('/practices/no-such-practice/cite.bib')).status).toBe(404);
    });
  });
}
