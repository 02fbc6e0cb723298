/** An application as the planner sees it: who is on it already and who may never be. */
export interface PlanApplication {
  id: number;
  /** Reviewers assigned now (without a declared conflict). */
  assigned: number[];
  /** Reviewers it may not get: its applicant, its co-editors, anyone who declared a conflict on it or is already on it. */
  excluded: ReadonlySet<number>;
}

/**
 * Plans the assignments that bring every application up to `perApplication` reviewers from the
 * pool: each next assignment goes to the least-loaded reviewer (ties to the lowest id) who may
 * take an application still short of reviewers, and to the one of those most short of them
 * (then with the fewest eligible reviewers, then the lowest id), so loads end as equal as the
 * exclusions allow. Pure: returns the pairs to insert.
 * @example planBalanced([{ id: 1, assigned: [], excluded: new Set([7]) }], [7, 8, 9], new Map(), 2) // [{ applicationId: 1, reviewerId: 8 }, { applicationId: 1, reviewerId: 9 }]
 */
export function planBalanced(
  applications: readonly PlanApplication[],
  pool: readonly number[],
  currentLoads: ReadonlyMap<number, number>,
  perApplication: number,
): { applicationId: number; reviewerId: number }[] {
  const loads = new Map(pool.map((r) => [r, currentLoads.get(r) ?? 0]));
  const open = applications
    .map((a) => ({
      id: a.id,
      missing: perApplication - a.assigned.length,
      eligible: new Set(pool.filter((r) => !a.excluded.has(r) && !a.assigned.includes(r))),
    }))
    .filter((a) => a.missing > 0 && a.eligible.size > 0);
  const plan: { applicationId: number; reviewerId: number }[] = [];
  const reviewers = [...new Set(pool)];
  while (open.length) {
    reviewers.sort((x, y) => (loads.get(x) ?? 0) - (loads.get(y) ?? 0) || x - y);
    let placed = false;
    for (const reviewerId of reviewers) {
      let best = -1;
      for (let i = 0; i < open.length; i++) {
        const a = open[i];
        if (!a.eligible.has(reviewerId)) continue;
        const b = open[best];
        if (
          best < 0 ||
          a.missing > b.missing ||
          (a.missing === b.missing && (a.eligible.size < b.eligible.size || (a.eligible.size === b.eligible.size && a.id < b.id)))
        )
          best = i;
      }
      if (best < 0) continue;
      const app = open[best];
      plan.push({ applicationId: app.id, reviewerId });
      loads.set(reviewerId, (loads.get(reviewerId) ?? 0) + 1);
      app.eligible.delete(reviewerId);
      app.missing--;
      if (app.missing === 0 || app.eligible.size === 0) open.splice(best, 1);
      placed = true;
      break;
    }
    if (!placed) break;
  }
  rebalance(plan, applications, loads);
  return plan;
}

/**
 * Evens out what the greedy pass left uneven: while a reviewer has two more than another, moves
 * one of their new assignments to the lighter one when that one may take it.
 */
function rebalance(plan: { applicationId: number; reviewerId: number }[], applications: readonly PlanApplication[], loads: Map<number, number>): void {
  const byId = new Map(applications.map((a) => [a.id, a]));
  const onApp = (applicationId: number, reviewerId: number) =>
    byId.get(applicationId)?.assigned.includes(reviewerId) || plan.some((p) => p.applicationId === applicationId && p.reviewerId === reviewerId);
  for (let moved = true; moved; ) {
    moved = false;
    const sorted = [...loads].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
    for (const [light, lightLoad] of sorted) {
      for (const [heavy, heavyLoad] of [...sorted].reverse()) {
        if (heavyLoad - lightLoad < 2) break;
        const move = plan.find((p) => p.reviewerId === heavy && !byId.get(p.applicationId)?.excluded.has(light) && !onApp(p.applicationId, light));
        if (!move) continue;
        move.reviewerId = light;
        loads.set(heavy, heavyLoad - 1);
        loads.set(light, lightLoad + 1);
        moved = true;
        break;
      }
      if (moved) break;
    }
  }
}
