import { parse } from 'node-html-parser';

/** A form on a page: where it posts and the fields a browser would send, in order. */
export interface PageForm {
  action: string;
  method: string;
  fields: [string, string][];
}

/**
 * Every form of a page with the values a browser would submit as it stands: text inputs,
 * textareas, the selected option of each select, checked boxes and radios, hidden fields.
 * Submit buttons are left out (add the one you "press" yourself).
 * @example const [form] = formsOn(html).filter((f) => f.action.endsWith('/edit'));
 */
export function formsOn(html: string, pagePath = '/'): PageForm[] {
  const root = parse(html);
  return root.querySelectorAll('form').map((form) => {
    const fields: [string, string][] = [];
    for (const el of form.querySelectorAll('input, textarea, select')) {
      const name = el.getAttribute('name');
      if (!name || el.hasAttribute('disabled')) continue;
      const tag = el.tagName.toLowerCase();
      if (tag === 'textarea') fields.push([name, el.textContent.replace(/^\n/, '')]);
      else if (tag === 'select') {
        const selected = el.querySelector('option[selected]') ?? el.querySelector('option');
        if (selected) fields.push([name, selected.getAttribute('value') ?? selected.textContent]);
      } else {
        const type = (el.getAttribute('type') ?? 'text').toLowerCase();
        if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset' || type === 'file') continue;
        if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
        fields.push([name, el.getAttribute('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
      }
    }
    return { action: form.getAttribute('action') ?? pagePath, method: (form.getAttribute('method') ?? 'get').toLowerCase(), fields };
  });
}

/** A form's fields as an object for posting: repeated names become lists; `overrides` replace by name. */
export function fieldsOf(form: PageForm, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of form.fields) {
    // The client adds the token of the session that posts; the page's own is left out.
    if (k in overrides || k === '_csrf') continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : [prev, v].flat();
  }
  return { ...out, ...overrides };
}

/** Undoes the HTML escaping of attribute values and text. */
export function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
