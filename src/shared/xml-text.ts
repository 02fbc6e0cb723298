const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids
 * (control characters would make a feed reader reject the whole feed).
 * @example xmlEscape('Turin & "Milan"') // 'Turin &amp; &quot;Milan&quot;'
 */
export function xmlEscape(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (ch) => entities[ch]);
}
