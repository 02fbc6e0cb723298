import { describe, expect, it } from 'vitest';
import { isTimeZone, localTime, timeZoneNames, wallClockExists, zonedToUtc, zoneOffsetMinutes } from './zoned-time.ts';

describe('times in the organiser’s zone', () => {
  it('reads a wall-clock time in a zone as the instant it is, daylight saving included', () => {
    expect(zonedToUtc('2009-09-28', 'America/New_York').toISOString()).toBe('2009-09-28T04:00:00.000Z');
    expect(zonedToUtc('2009-12-28', 'America/New_York').toISOString()).toBe('2009-12-28T05:00:00.000Z');
    expect(zonedToUtc('2027-03-16T15:00', 'Europe/Berlin').toISOString()).toBe('2027-03-16T14:00:00.000Z');
    expect(zonedToUtc('2027-07-16T15:00', 'Europe/Berlin').toISOString()).toBe('2027-07-16T13:00:00.000Z');
    expect(zonedToUtc('2010-05-27', 'America/Sao_Paulo').toISOString()).toBe('2010-05-27T03:00:00.000Z');
    expect(zonedToUtc('2026-06-01T09:30', 'Asia/Kolkata').toISOString()).toBe('2026-06-01T04:00:00.000Z');
  });

  it('reads a time the clocks skip as after the change, and knows offsets and zone names', () => {
    // Berlin skipped 02:00–03:00 on 28 March 2027.
    expect(zonedToUtc('2027-03-28T02:30', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(zoneOffsetMinutes(new Date('2009-04-06T00:00:00Z'), 'Europe/Istanbul')).toBe(180);
    expect(isTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => zonedToUtc('28/09/2009', 'UTC')).toThrow(/not a local date/);
  });
});

describe('wall-clock times that do not happen', () => {
  it('knows the hour Berlin skips in spring, and that the hour repeated in autumn exists', () => {
    expect(wallClockExists('2027-03-28T02:30', 'Europe/Berlin')).toBe(false);
    expect(wallClockExists('2027-03-28T03:30', 'Europe/Berlin')).toBe(true);
    expect(wallClockExists('2027-10-31T02:30', 'Europe/Berlin')).toBe(true);
    expect(wallClockExists('2027-03-14T02:15', 'America/New_York')).toBe(false);
    expect(localTime(new Date('2027-03-16T14:00:00Z'), 'Europe/Berlin')).toBe('15:00');
    expect(timeZoneNames()).toContain('America/Sao_Paulo');
  });
});
