import type { Rule } from '../security/authorize.ts';

/** What a person is to an exchange: whether they asked it, and whether they represent the asking or the asked city. */
export interface ExchangeStanding {
  asker: boolean;
  representsAsking: boolean;
  representsAsked: boolean;
}

/**
 * Who may do what to city-to-city exchanges. Only the asked city's representatives answer
 * (editors included: they do not speak for a city); the asker, or the asking city's
 * representatives, withdraw; either side names the practice that came out of it.
 * Check with `authorize(account, exchangePolicy.decide, standing)`.
 */
export const exchangePolicy = {
  /** Ask a city for an exchange: anyone signed in (on behalf of a city they represent, or naming their own). */
  ask: (actor) => !!actor,
  /** Accept or decline: the asked city's representatives. */
  decide: (actor, s: ExchangeStanding) => !!actor && s.representsAsked,
  /** Withdraw a request still waiting: the asker, or the asking city's representatives. */
  withdraw: (actor, s: ExchangeStanding) => !!actor && (s.asker || s.representsAsking),
  /** Name the practice that came out of an accepted exchange: the asker, or either city's representatives. */
  linkOutcome: (actor, s: ExchangeStanding) => !!actor && (s.asker || s.representsAsking || s.representsAsked),
} satisfies { ask: Rule<never>; decide: Rule<ExchangeStanding>; withdraw: Rule<ExchangeStanding>; linkOutcome: Rule<ExchangeStanding> };
