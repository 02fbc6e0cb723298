import type { Role } from '../db/schema.ts';
import { forbidden } from '../http/errors.ts';

/** Who acts: the signed-in account (or any object with its id and role), undefined when anonymous. */
export type Actor = { userId: number; role: Role } | undefined;

/**
 * One rule of a policy: whether `actor` may do this to `subject`. Rules live in one
 * `<area>.policy.ts` per area, grouped in an object, so `authorize(actor, reviewPolicy.follow, s)`
 * names the action and TypeScript checks both the name and the subject's type.
 */
export type Rule<S = void> = (actor: Actor, subject: S) => boolean;

/** The subject argument of a rule: none for rules about the actor alone (whose subject is never inferred). */
// biome-ignore lint/suspicious/noConfusingVoidType: `void` is how a rule says it takes no subject (Rule<void>).
type SubjectArgs<S> = unknown extends S ? [] : [S] extends [void] ? [] : [subject: S];

/**
 * Whether `actor` may do what `rule` describes, as a boolean (for showing or hiding an action).
 * @example can(account, reviewPolicy.follow, submission)
 */
export function can<S>(actor: Actor, rule: Rule<S>, ...subject: SubjectArgs<NoInfer<S>>): boolean {
  return rule(actor, subject[0] as S);
}

/**
 * Throws the 403 `forbidden()` error unless `actor` may do what `rule` describes.
 * @example authorize(account, reviewPolicy.follow, submission);
 * @example authorize(account, practicePolicy.edit);
 */
export function authorize<S>(actor: Actor, rule: Rule<S>, ...subject: SubjectArgs<NoInfer<S>>): void {
  if (!rule(actor, subject[0] as S)) throw forbidden();
}
