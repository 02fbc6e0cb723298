import { z } from 'zod';
import type { FieldErrors } from '../shared/form-values.ts';

/** Largest exchange file the browser import takes (about 50,000 full records); the CLI has no limit. */
export const maxImportBytes = 50 * 1024 * 1024;

/** The choices of the import form, kept when it is shown again. */
export interface ImportFormOptions {
  partial: boolean;
  checkOnly: boolean;
}

/** A usable import request: the exchange text, where it came from, and how to run it. */
export interface ImportRequest extends ImportFormOptions {
  text: string;
  /** The uploaded file's name (no folders), or "pasted". */
  source: string;
}

// Two checkboxes and a text box: anything but a ticked box is unticked, anything but text is empty.
const importFields = z.object({
  json: z.string().optional().catch(undefined),
  partial: z.literal('on').optional().catch(undefined),
  check_only: z.literal('on').optional().catch(undefined),
});

/** The file's own name, without any folder a browser may send, printable and not too long. */
function fileName(name: string): string {
  const base = name.replaceAll('\\', '/').split('/').pop() ?? '';
  return (
    base
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .trim()
      .slice(0, 200) || 'upload.json'
  );
}

/**
 * Reads the multipart body of POST /admin/import: exactly one of an uploaded file and pasted
 * JSON, at most maxImportBytes; message keys (admin.json) per field otherwise.
 * @example const form = await readImportForm(await c.req.parseBody());
 */
export async function readImportForm(
  body: Record<string, unknown>,
): Promise<{ ok: true; data: ImportRequest } | { ok: false; errors: FieldErrors; options: ImportFormOptions; pasted: string }> {
  const parsed = importFields.parse(body);
  const fields = { json: parsed.json ?? '' };
  const options = { partial: parsed.partial === 'on', checkOnly: parsed.check_only === 'on' };
  // A file input left empty still sends a part, with no name and no bytes.
  const file = body.file instanceof File && (body.file.size > 0 || body.file.name !== '') ? body.file : undefined;
  const pasted = fields.json.trim() !== '';
  const refuse = (field: string, key: string, keep = true) => ({ ok: false as const, errors: { [field]: key }, options, pasted: keep ? fields.json : '' });
  if (file && pasted) return refuse('file', 'admin.import.error.both');
  if (file) {
    if (file.size > maxImportBytes) return refuse('file', 'admin.import.error.too_large');
    return { ok: true, data: { ...options, text: await file.text(), source: fileName(file.name) } };
  }
  if (!pasted) return refuse('file', 'admin.import.error.no_input');
  // Too large to send back in the page: the person pastes a smaller part, or uploads the file.
  if (Buffer.byteLength(fields.json) > maxImportBytes) return refuse('json', 'admin.import.error.too_large', false);
  return { ok: true, data: { ...options, text: fields.json, source: 'pasted' } };
}
