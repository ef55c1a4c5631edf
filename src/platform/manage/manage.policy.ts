import { type Actor, hasGlobalRole } from '../authz/index.ts';

/**
 * Who reads the platform's own records. Administrators only: the audit log
 * carries people's addresses and IPs, and the outbox carries sign-in and
 * password-reset links, which would let any other reader take over an account.
 */
export const managePolicy = {
  canReadAuditLog: (a: Actor): boolean => hasGlobalRole(a, 'admin'),
  canReadOutbox: (a: Actor): boolean => hasGlobalRole(a, 'admin'),
};
