import type { Context } from 'hono';
import { clientAddress } from '../security/client-address.ts';
import { consumeRates, type RateResult, type RateRule } from '../security/rate-limit.ts';
import type { AccountsDeps } from './accounts-deps.ts';

const minutes = (m: number) => m * 60;

/**
 * Limits per account (email) and per address. An address is shared by many people behind an
 * office or mobile-carrier NAT, hence its higher limits; an account sees few honest attempts.
 */
export const rateRules = {
  login: { account: { limit: 10, windowSeconds: minutes(15) }, address: { limit: 50, windowSeconds: minutes(15) } },
  signup: { account: { limit: 3, windowSeconds: minutes(60) }, address: { limit: 20, windowSeconds: minutes(60) } },
  reset: { account: { limit: 5, windowSeconds: minutes(60) }, address: { limit: 20, windowSeconds: minutes(60) } },
} satisfies Record<string, { account: RateRule; address: RateRule }>;

/**
 * Counts an attempt of `action` for this email and this client address.
 * @example const r = await countAttempt(c, deps, 'login', email); if (!r.allowed) return tooMany(c, r);
 */
export function countAttempt(c: Context, deps: AccountsDeps, action: keyof typeof rateRules, email: string): Promise<RateResult> {
  const rule = rateRules[action];
  const ip = clientAddress(c, deps.config.TRUST_PROXY);
  return consumeRates(deps.db, [
    [`${action}:ip:${ip}`, rule.address],
    [`${action}:email:${email.toLowerCase()}`, rule.account],
  ]);
}
