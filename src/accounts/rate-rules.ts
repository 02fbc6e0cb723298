import type { Context } from 'hono';
import type { ContributionDeps } from '../http/app-env.ts';
import { clientAddress } from '../security/client-address.ts';
import { consumeRates, type RateResult, type RateRule, type SlowDown } from '../security/rate-limit.ts';

const minutes = (m: number) => m * 60;

/**
 * Limits per account (email) and per address. An address is shared by many people behind an
 * office or mobile-carrier NAT, hence its higher limits; an account sees few honest attempts.
 */
export const rateRules = {
  signup: { account: { limit: 3, windowSeconds: minutes(60) }, address: { limit: 20, windowSeconds: minutes(60) } },
  reset: { account: { limit: 5, windowSeconds: minutes(60) }, address: { limit: 20, windowSeconds: minutes(60) } },
} satisfies Record<string, { account: RateRule; address: RateRule }>;

/** A limit on failed sign-ins, and how answers slow down on the way to it. */
export interface SignInRule extends RateRule {
  slowDown: SlowDown;
}

/** Answers held 0.5, 1, 2, then 4 s at most, after a few free failures. */
const pace = (after: number): SlowDown => ({ after, firstMs: 500, maxMs: 4000 });

/**
 * Failed sign-ins only: a right password never counts. Guessing at an account from browsers it
 * has never signed in on slows down after three failures and stops at ten, for everyone except
 * the account's known devices, which have a count of their own. The address limit catches one
 * address guessing at many accounts, and is high because many people may share it.
 */
export const signInRules = {
  account: { limit: 10, windowSeconds: minutes(15), slowDown: pace(3) },
  device: { limit: 10, windowSeconds: minutes(15), slowDown: pace(3) },
  address: { limit: 100, windowSeconds: minutes(15), slowDown: pace(20) },
} satisfies Record<string, SignInRule>;

/**
 * Counts an attempt of `action` for this email and this client address.
 * @example const r = await countAttempt(c, deps, 'signup', email); if (!r.allowed) return tooMany(c, r);
 */
export function countAttempt(c: Context, deps: ContributionDeps, action: keyof typeof rateRules, email: string): Promise<RateResult> {
  const rule = rateRules[action];
  const ip = clientAddress(c, deps.config.TRUST_PROXY);
  return consumeRates(deps.db, [
    [`${action}:ip:${ip}`, rule.address],
    [`${action}:email:${email.toLowerCase()}`, rule.account],
  ]);
}
