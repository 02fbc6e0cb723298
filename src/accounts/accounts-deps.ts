import type { AppDeps } from '../http/app-env.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What the accounts area is built from: the app's dependencies plus a mailer. */
export interface AccountsDeps extends AppDeps {
  mailer: Mailer;
}
