import { describe, expect, it } from 'vitest';
import { nextLinkCheckAt } from './link-check-jobs.ts';

describe('when the weekly link check runs', () => {
  it('waits for the coming Sunday at 02:00 UTC, never right when an instance starts', () => {
    // A Sunday noon (2026-12-06): the next run is a week later, not now.
    expect(nextLinkCheckAt(new Date('2026-12-06T12:00:00Z')).toISOString()).toBe('2026-12-13T02:00:00.000Z');
    expect(nextLinkCheckAt(new Date('2026-12-09T23:59:00Z')).toISOString()).toBe('2026-12-13T02:00:00.000Z');
    // Early on a Sunday, the same day's run.
    expect(nextLinkCheckAt(new Date('2026-12-13T01:30:00Z')).toISOString()).toBe('2026-12-13T02:00:00.000Z');
  });
});
