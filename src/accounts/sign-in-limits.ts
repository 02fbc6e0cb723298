import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'hono';
import type { ContributionDeps } from '../http/app-env.ts';
import { clientAddress } from '../security/client-address.ts';
import { type CountedRate, clearRate, consumeRate, type RateResult, refundRate, slowDownMs } from '../security/rate-limit.ts';
import type { LoginResult } from './account.service.ts';
import { knownDevice } from './known-device.ts';
import { type SignInRule, signInRules } from './rate-rules.ts';

/** A sign-in attempt under way: refused at once, or allowed and told how its password check ended. */
export type SignInAttempt = { refused: RateResult; settle?: undefined } | { refused?: undefined; settle: (outcome: LoginResult['kind']) => Promise<void> };

/**
 * Starts a sign-in for `email`: counts it as a failure before the password is checked (so
 * guesses sent in parallel cannot slip past the limit), refuses it when the limit is reached,
 * and otherwise holds it for longer the more failures came before, with no database connection
 * held while it waits. `settle` then takes the attempt off the counts when the password was right.
 * A browser with this account's known-device cookie is counted on its own, so guessing from
 * elsewhere never locks the owner out. The same steps run for emails without an account.
 * @example const attempt = await startSignIn(c, deps, email); if (attempt.refused) return tooManyAttempts(c, attempt.refused);
 */
export async function startSignIn(c: Context, deps: ContributionDeps, email: string): Promise<SignInAttempt> {
  const device = await knownDevice(c, deps.db, email);
  const counted: [key: string, rule: SignInRule, resets: boolean][] = device
    ? [[`login:device:${device}`, signInRules.device, true]]
    : [
        [`login:ip:${clientAddress(c, deps.config.TRUST_PROXY)}`, signInRules.address, false],
        [`login:email:${email.toLowerCase()}`, signInRules.account, true],
      ];
  const results: CountedRate[] = [];
  for (const [key, rule] of counted) results.push(await consumeRate(deps.db, key, rule));

  const undo = (resetting: boolean) =>
    Promise.all(counted.map(([key, , resets]) => (resetting && resets ? clearRate(deps.db, key) : refundRate(deps.db, key))));
  const refusals = results.filter((r) => !r.allowed);
  if (refusals.length) {
    // A refused attempt checks no password, so it is no failure either.
    await undo(false);
    return { refused: refusals.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a)) };
  }

  const wait = Math.max(...results.map((r, i) => slowDownMs(r.count - 1, counted[i][1].slowDown)));
  if (wait > 0) await (deps.pause ?? sleep)(wait);
  return {
    settle: async (outcome) => {
      // A right password for an account that cannot sign in yet (unconfirmed, disabled) is no guess.
      if (outcome !== 'wrong') await undo(outcome === 'ok');
    },
  };
}
