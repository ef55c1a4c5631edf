/** Who is acting: an anonymous visitor or a signed-in person with roles. */
export const orgRoles = [
  'editor',
  'appeals_officer',
  /** an official authorised to sign answers to appeals besides the head (59-ФЗ art. 10 ч.3) */
  'appeals_signer',
  /** receives and handles corruption reports (task 7.4); the only role that sees them */
  'anti_corruption_officer',
  'head',
  'data_steward',
  'council_secretary',
] as const;
/**
 * Org roles that open confidential content (corruption reports, task 7.4): an
 * administrator does not hold them implicitly; they must be granted (audited).
 */
export const confidentialOrgRoles: readonly OrgRole[] = ['anti_corruption_officer'];
const isConfidential = (r: OrgRole) => confidentialOrgRoles.includes(r);

export const globalRoles = ['project_office', 'expert', 'moderator', 'admin'] as const;
export type OrgRole = (typeof orgRoles)[number];
export type GlobalRole = (typeof globalRoles)[number];
export type Role = OrgRole | GlobalRole;

export type RoleGrant = { role: Role; orgId: string | null };

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      displayName: string;
      email: string;
      identification: 'email' | 'esia';
      identityLevel: string | null;
      emailVerified: boolean;
      grants: RoleGrant[];
    };

export const anonymous: Actor = Object.freeze({ kind: 'anonymous' });

export function isSignedIn(a: Actor): a is Extract<Actor, { kind: 'user' }> {
  return a.kind === 'user';
}

export function hasGlobalRole(a: Actor, role: GlobalRole): boolean {
  return isSignedIn(a) && a.grants.some((g) => g.role === role && g.orgId === null);
}

/**
 * An org role held in that organisation; administrators hold every role
 * everywhere except the confidential ones, which they hold only when granted.
 */
export function hasOrgRole(a: Actor, role: OrgRole, orgId: string): boolean {
  if (!isSignedIn(a)) return false;
  if (hasGlobalRole(a, 'admin') && !isConfidential(role)) return true;
  return a.grants.some((g) => g.role === role && g.orgId === orgId);
}

/** Is the person staff anywhere (any org role or any global role)? */
export function isStaff(a: Actor): boolean {
  return isSignedIn(a) && a.grants.length > 0;
}

/** Any of these org roles in that organisation (administrators: any but a confidential role). */
export function hasAnyOrgRole(a: Actor, roles: readonly OrgRole[], orgId: string): boolean {
  return roles.some((r) => hasOrgRole(a, r, orgId));
}

/**
 * The organisations where the person holds one of these roles, for lists that
 * filter by what staff may work on. Administrators get 'all' instead of a list,
 * unless every role asked for is confidential: then only where granted.
 */
export function orgIdsWithRole(a: Actor, roles: readonly OrgRole[]): string[] | 'all' {
  if (!isSignedIn(a)) return [];
  if (hasGlobalRole(a, 'admin') && !roles.every(isConfidential)) return 'all';
  return [
    ...new Set(
      a.grants
        .filter((g) => g.orgId !== null && (roles as readonly string[]).includes(g.role))
        .map((g) => g.orgId),
    ),
  ] as string[];
}

/** Test and seed helper: a signed-in actor with the given grants. */
export function userActor(
  userId: string,
  grants: RoleGrant[],
  over: Partial<Extract<Actor, { kind: 'user' }>> = {},
): Actor {
  return {
    kind: 'user',
    userId,
    displayName: 'Test',
    email: `${userId}@example.test`,
    identification: 'email',
    identityLevel: null,
    emailVerified: true,
    grants,
    ...over,
  };
}
