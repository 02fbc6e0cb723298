import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.ts';
import { PageContext } from '../views/page-context.ts';
import type { FormErrors, FormStep, PracticeFormValues } from './practice-form.fields.ts';
import { markdownPreviews, PracticeStepFields } from './views/practice-step-fields.tsx';

/** Renders one step's fields in a locale, as the page would. */
function render(step: FormStep, values: PracticeFormValues, options: { errors?: FormErrors; preview?: Record<string, string>; locale?: string } = {}): string {
  const context = { i18n: translator(options.locale ?? 'en'), path: '/', publicUrl: '', assets: { css: '' } };
  return (
    <PageContext.Provider value={context}>
      <PracticeStepFields step={step} values={values} errors={options.errors} preview={options.preview} />
    </PageContext.Provider>
  ).toString();
}

describe('PracticeStepFields', () => {
  it('labels every input and caps lengths as the schema does', () => {
    const html = render('basics', { title: 'Night school', themes: ['education'] });
    expect(html).toContain('<legend class="practice-step__legend">The basics</legend>');
    expect(html).toMatch(/<label for="f-title">Title/);
    expect(html).toMatch(/<input id="f-title" name="title" type="text" value="Night school" maxlength="200"/);
    expect(html).toMatch(/<textarea id="f-summary" name="summary" rows="4" maxlength="2000"/);
    expect(html).toMatch(/id="f-themes-education" name="themes" value="education" checked/);
    expect(html).toContain('<option value="ar">Arabic</option>');
  });

  it('names languages in the interface language', () => {
    expect(render('basics', {}, { locale: 'fr' })).toContain('<option value="de">Allemand</option>');
  });

  it('shows a message next to a field, with the typed value kept', () => {
    const html = render('sources', { source_url: ['example.org'], source_title: ['Report'] }, { errors: { 'source_url-0': 'form.error.url' } });
    expect(html).toContain('id="f-source_url-0-error">Enter a full web address starting with http:// or https://.</p>');
    expect(html).toMatch(/<input id="f-source_url-0" name="source_url" type="url" value="example.org"[^>]*aria-invalid="true"/);
  });

  it('renders the filled partner rows plus two empty ones', () => {
    const html = render('place', { partner_name: ['Caritas', '', 'Red Cross'], partner_support: ['technical', '', ''] });
    expect(html.match(/name="partner_name"/g)).toHaveLength(5);
    expect(html).toContain('id="f-partner_name-2" name="partner_name" type="text" value="Red Cross"');
    expect(html).toContain('<option value="technical" selected="">Technical support</option>');
    expect(render('sources', {}).match(/name="source_url"/g)).toHaveLength(2);
  });

  it('says Markdown is accepted, keeps leading newlines, and shows a sanitised preview', () => {
    const values = { lessons: '\nEvening hours *did not* work <script>alert(1)</script>' };
    const preview = markdownPreviews(values, 'results');
    const html = render('results', values, { preview });
    expect(html).toContain('What worked, and also what did not work and why. You can use Markdown');
    expect(html).toContain('>\n\nEvening hours');
    expect(preview.lessons).toContain('<em>did not</em>');
    expect(preview.lessons).not.toContain('<script>');
    expect(html).toContain('<em>did not</em>');
    expect(Object.keys(markdownPreviews(values, 'how'))).toEqual([]);
  });
});
