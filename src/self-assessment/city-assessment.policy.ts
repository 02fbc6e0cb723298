import type { Rule } from '../security/authorize.ts';
import { isAdmin, isEditor } from '../security/roles.ts';

/** A city as the rules see it: whether the person acting represents it. */
export interface CitySubject {
  represented: boolean;
}

/** A snapshot as the rules see it. */
export interface SnapshotSubject extends CitySubject {
  visibility: 'public' | 'private';
}

/**
 * Who may do what with cities' self-assessments. Check with
 * `authorize(account, cityAssessmentPolicy.answer, { represented })`.
 */
export const cityAssessmentPolicy = {
  /** Make a person a representative of a city, or end it: admins. */
  grant: (actor) => isAdmin(actor),
  /** Answer a city's assessment, record its figures, publish a snapshot: the city's representatives. */
  answer: (actor, city: CitySubject) => actor !== undefined && city.represented,
  /** See a snapshot: anyone when public; a private one, the city's representatives and editors. */
  see: (actor, snapshot: SnapshotSubject) => snapshot.visibility === 'public' || snapshot.represented || isEditor(actor),
} satisfies Record<string, Rule<never>>;
