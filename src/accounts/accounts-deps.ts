import type { AppDeps } from '../http/app-env.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What the accounts area is built from: the app's dependencies plus a mailer. */
export interface AccountsDeps extends AppDeps {
  mailer: Mailer;
  /**
   * How a slowed-down sign-in waits before its password is checked; a timer unless given.
   * Tests pass one that notes the wait and returns at once.
   */
  pause?: (ms: number) => Promise<unknown>;
}
