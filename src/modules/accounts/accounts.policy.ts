import { type Actor, hasGlobalRole, isSignedIn, isStaff } from '../../platform/authz/index.ts';

/*
 * Who may do what with accounts: pure functions of the actor (and the row),
 * tested as a truth table in accounts.policy.test.ts.
 */
export const accountsPolicy = {
  /** Anyone may sign up or sign in; a signed-in person signing in again switches account. */
  canSignUp(_actor: Actor): boolean {
    return true;
  },
  canSignIn(_actor: Actor): boolean {
    return true;
  },
  /** Anyone may ask for a reset link or confirm an address: the mailed token is the proof. */
  canUseEmailToken(_actor: Actor): boolean {
    return true;
  },
  canSignOut(actor: Actor): boolean {
    return isSignedIn(actor);
  },
  /** The cabinet and its changes concern the person's own account only. */
  canViewCabinet(actor: Actor): boolean {
    return isSignedIn(actor);
  },
  canEditOwnAccount(actor: Actor, userId: string): boolean {
    return isSignedIn(actor) && actor.userId === userId;
  },
  /** ЕСИА-identified people keep the name ЕСИА gave; others may correct theirs. */
  canChangeName(actor: Actor): boolean {
    return isSignedIn(actor) && actor.identification !== 'esia';
  },
  /** A position (printed under signed answers): staff set their own, an administrator anyone's. */
  canChangePosition(actor: Actor, userId: string): boolean {
    if (hasGlobalRole(actor, 'admin')) return true;
    return isSignedIn(actor) && actor.userId === userId && isStaff(actor);
  },
  /** /manage opens to anyone with a staff role, per organisation or global. */
  canEnterManage(actor: Actor): boolean {
    return isStaff(actor);
  },
  /**
   * Kiosk mode on a terminal in a body's premises (task 8.4) is set up by staff, with a PIN
   * that alone takes the terminal out of it again (the PIN is the proof, not a role).
   */
  canStartKiosk(actor: Actor): boolean {
    return isStaff(actor);
  },
  /** Finding people and granting or revoking roles is for administrators only. */
  canManageUsers(actor: Actor): boolean {
    return hasGlobalRole(actor, 'admin');
  },
  canGrantRole(actor: Actor): boolean {
    return hasGlobalRole(actor, 'admin');
  },
  /** An administrator cannot take the admin role from themself (no lock-out by mistake). */
  canRevokeRole(actor: Actor, assignment: { userId: string; role: string }): boolean {
    if (!hasGlobalRole(actor, 'admin')) return false;
    return !(assignment.role === 'admin' && isSignedIn(actor) && assignment.userId === actor.userId);
  },
};

export type AccountsAction = Exclude<keyof typeof accountsPolicy, never>;
