import type { Database } from '../../db/database.ts';
import { existingOrganizationSlugs } from '../../organizations/organization.repo.ts';
import { existingProfileSlugs } from '../../people/person.repo.ts';
import type { ValidatedExchange } from './exchange-validate.ts';

/**
 * The records' contacts checked against the database (which the file's validation cannot see):
 * a record naming an organisation that is not in the directory, or a person without a public
 * profile, is refused with the contact's location in the file, like any other error.
 * @example const checked = await checkContacts(db, validateExchange(text));
 */
export async function checkContacts(db: Database, validated: ValidatedExchange): Promise<ValidatedExchange> {
  const { records } = validated;
  if (!records.some((r) => r.contact)) return validated;
  // Records keep file order and every record index is either valid or invalid: the k-th valid index is records[k]'s.
  const fileIndex: number[] = [];
  for (let i = 0; fileIndex.length < records.length; i++) if (!validated.invalidIndexes.has(i)) fileIndex.push(i);
  const [organizations, people] = await Promise.all([
    existingOrganizationSlugs(
      db,
      records.flatMap((r) => (r.contact?.organization ? [r.contact.organization] : [])),
    ),
    existingProfileSlugs(
      db,
      records.flatMap((r) => (r.contact?.person ? [r.contact.person] : [])),
    ),
  ]);
  const issues = [...validated.issues];
  const invalidIndexes = new Set(validated.invalidIndexes);
  const kept = records.filter((r, k) => {
    const at = `practices[${fileIndex[k]}].contact`;
    const before = issues.length;
    const org = r.contact?.organization;
    const person = r.contact?.person;
    if (org && !organizations.has(org))
      issues.push({ path: `${at}.organization`, message: `unknown organisation "${org}": no organisation of the directory has this slug` });
    if (person && !people.has(person)) issues.push({ path: `${at}.person`, message: `unknown person "${person}": no public profile has this slug` });
    if (issues.length === before) return true;
    invalidIndexes.add(fileIndex[k]);
    return false;
  });
  return { records: kept, invalidIndexes, issues };
}
