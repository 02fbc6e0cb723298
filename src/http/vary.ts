/**
 * A Vary value with `tokens` added to `current`, each token once (compared without case), so
 * that middleware which each depend on a request header can all say so without repeating
 * one another (`Vary: Cookie, Cookie`).
 * @example withVary('Accept-Language, Cookie', 'Cookie', 'Accept-Encoding') // 'Accept-Language, Cookie, Accept-Encoding'
 */
export function withVary(current: string | null | undefined, ...tokens: string[]): string {
  const all = [...(current ?? '').split(','), ...tokens].map((t) => t.trim()).filter(Boolean);
  const seen = new Set<string>();
  return all.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase())).join(', ');
}
