import { recordAudit } from '../audit/audit.repo.ts';
import type { Database } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { findPublishedRecord } from '../practices/export/export.repo.ts';
import { upsertPractice } from '../practices/practice.repo.ts';
import { authorize } from '../security/authorize.ts';
import { assessmentPolicy } from './assessment.policy.ts';
import { setAssessedCriteria, upsertAssessment } from './assessment.repo.ts';
import type { AssessmentInput } from './assessment.schema.ts';
import { assessmentCriteria } from './assessment-criteria.ts';

/** The editor recording an assessment, and from where (for the audit log). */
export interface Assessor {
  userId: number;
  name: string;
  role: Role;
  ip: string | null;
}

/**
 * Records an editor's assessment of a published practice in one transaction: the assessment,
 * the criteria judged "yes" on the practice (for search), the evidence level in the record
 * itself when it changed (a revision of kind "assessment", so exports carry it) and an audit
 * entry; the database moves the catalogue version on with the practice row. Editors only (403);
 * an unknown practice is a 404.
 * @example await assessPractice(db, 'barcelona-anti-rumour', input, { userId: 7, name: 'Ana', role: 'editor', ip });
 */
export async function assessPractice(db: Database, practiceId: string, input: AssessmentInput, assessor: Assessor): Promise<void> {
  authorize(assessor, assessmentPolicy.assess);
  await db.transaction().execute(async (trx) => {
    const record = await findPublishedRecord(trx, practiceId);
    if (!record) throw notFound(`practice "${practiceId}" does not exist`);
    const judgedYes = assessmentCriteria.filter((c) => input.ratings[c].rating === 'yes');
    await upsertAssessment(trx, practiceId, input, assessor.userId);
    await setAssessedCriteria(trx, practiceId, judgedYes);
    const previousLevel = record.evidence_level ?? null;
    if (previousLevel !== input.evidenceLevel) {
      const message = `Evidence level ${previousLevel ?? 'none'} → ${input.evidenceLevel} (editors' assessment)`;
      await upsertPractice(
        trx,
        { ...record, evidence_level: input.evidenceLevel },
        { author: assessor.name, authorId: assessor.userId, kind: 'assessment', message },
      );
    }
    await recordAudit(trx, {
      action: 'assess',
      actorUserId: assessor.userId,
      target: practiceId,
      ip: assessor.ip,
      details: {
        ...Object.fromEntries(assessmentCriteria.map((c) => [c, input.ratings[c].rating])),
        evidence_level: input.evidenceLevel,
        ...(previousLevel !== input.evidenceLevel ? { evidence_level_before: previousLevel } : {}),
      },
    });
  });
}
