import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import { type AppealType, type IdentificationSettings, openStatuses } from './appeals.model.ts';
import type { AppealRow } from './appeals.repository.ts';

export type SubmitBlocker = 'signIn' | 'esiaLevel' | 'esiaRequired' | 'emailUnconfirmed';

/** Why a signed-in person may not submit this type yet (the setting is per type): null when they may. */
export function submitBlocker(
  actor: Actor,
  settings: IdentificationSettings,
  type: AppealType,
): null | SubmitBlocker {
  if (!isSignedIn(actor)) return 'signIn';
  const s = settings[type];
  if (actor.identification === 'esia') {
    return actor.identityLevel && (s.esiaLevels as string[]).includes(actor.identityLevel)
      ? null
      : 'esiaLevel';
  }
  if (!s.allowEmailAccounts) return 'esiaRequired';
  return actor.emailVerified ? null : 'emailUnconfirmed';
}

/** Withdrawable while the body still owes the answer (awaiting signature included): not once it is sent. */
const WITHDRAWABLE: readonly string[] = openStatuses;

/** Pure access rules of the citizen's side of appeals. */
export const appealsPolicy = {
  /** An identified citizen (the deployment's identification setting decides which accounts count). */
  canSubmit(actor: Actor, s: IdentificationSettings, type: AppealType): boolean {
    return submitBlocker(actor, s, type) === null;
  },
  /** The author reads their own appeal (staff reading is the staff side's rule). */
  canReadAsAuthor(actor: Actor, appeal: Pick<AppealRow, 'authorUserId'>): boolean {
    return isSignedIn(actor) && appeal.authorUserId !== null && appeal.authorUserId === actor.userId;
  },
  /**
   * The author withdraws the appeal (59-ФЗ art. 5 п. 5) while no answer has been
   * sent: registered, in review, extended, or signed but not yet sent.
   */
  canWithdraw(actor: Actor, appeal: Pick<AppealRow, 'authorUserId' | 'status'>): boolean {
    return appealsPolicy.canReadAsAuthor(actor, appeal) && WITHDRAWABLE.includes(appeal.status);
  },
  /** The author disputes a sent answer by a complaint to the higher body. */
  canDispute(actor: Actor, appeal: Pick<AppealRow, 'authorUserId' | 'status' | 'type'>): boolean {
    return (
      appealsPolicy.canReadAsAuthor(actor, appeal) &&
      appeal.type !== 'corruption_report' &&
      (appeal.status === 'sent' || appeal.status === 'closed')
    );
  },
  /** The author gives or withdraws consent to the public archive at any time. */
  canChangeArchiveConsent(actor: Actor, appeal: Pick<AppealRow, 'authorUserId' | 'type'>): boolean {
    return appealsPolicy.canReadAsAuthor(actor, appeal) && appeal.type !== 'corruption_report';
  },
  /** The author rates an answer once it has been sent. */
  canRate(actor: Actor, appeal: Pick<AppealRow, 'authorUserId' | 'status'>): boolean {
    return (
      appealsPolicy.canReadAsAuthor(actor, appeal) && (appeal.status === 'sent' || appeal.status === 'closed')
    );
  },
};
