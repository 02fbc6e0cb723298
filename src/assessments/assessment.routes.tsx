import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { postedForm, privatePage, seeOther } from '../http/responses.ts';
import { findPublishedRecord } from '../practices/export/export.repo.ts';
import type { PracticeRecord } from '../practices/practice.schema.ts';
import { clientAddress } from '../security/client-address.ts';
import { role, signedInAccount } from '../security/guards.ts';
import { editorRoles } from '../security/roles.ts';
import { assessPractice } from './assess-practice.command.ts';
import { findAssessment } from './assessment.repo.ts';
import { readAssessmentForm, typedAssessmentValues } from './assessment.schema.ts';
import { AssessmentPage, assessmentFormValues } from './views/assessment-page.tsx';

/** The practice id pattern of the exchange format, as the practice page matches it. */
const path = '/practices/:id{[a-z0-9]+(?:-[a-z0-9]+)*}/assess';

/** GET/POST /practices/{id}/assess: editors and admins record their assessment of a published practice. */
export function assessmentRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The published practice in the path, or a 404. */
  const practiceOf = async (c: Context<AppEnv>): Promise<PracticeRecord> => {
    const id = c.req.param('id') as string;
    const record = await findPublishedRecord(db, id);
    if (!record) throw notFound(`practice "${id}" does not exist`);
    return record;
  };

  app.get(path, role(...editorRoles), async (c) => {
    const account = signedInAccount(c);
    const record = await practiceOf(c);
    const current = await findAssessment(db, record.id);
    const values = assessmentFormValues(current, record.evidence_level);
    return privatePage(c, <AssessmentPage practice={record} values={values} current={current} csrf={account.csrfToken} />);
  });

  app.post(path, role(...editorRoles), async (c) => {
    const account = signedInAccount(c);
    const record = await practiceOf(c);
    const body = await postedForm(c);
    const form = readAssessmentForm(body);
    if (!form.ok) {
      const current = await findAssessment(db, record.id);
      const page = <AssessmentPage practice={record} values={typedAssessmentValues(body)} current={current} errors={form.errors} csrf={account.csrfToken} />;
      return privatePage(c, page, 400);
    }
    await assessPractice(db, record.id, form.data, {
      userId: account.userId,
      name: account.name,
      role: account.role,
      ip: clientAddress(c, config.TRUST_PROXY),
    });
    return seeOther(c, `/practices/${record.id}`);
  });

  return app;
}
