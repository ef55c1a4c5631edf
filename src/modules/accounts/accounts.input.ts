import { z } from 'zod';
import { globalRoles, orgRoles } from '../../platform/authz/index.ts';

/*
 * One schema per input, shared by the HTML forms and the JSON API. Messages
 * are i18n keys from messages.ts.
 */

const email = z
  .string({ message: 'accounts.email.required' })
  .trim()
  .min(1, 'accounts.email.required')
  .max(254, 'accounts.email.invalid')
  .pipe(z.email({ message: 'accounts.email.invalid' }))
  .transform((s) => s.toLowerCase());

/** The password rules, stated on the form: 10–128 characters, at least one letter and one digit. */
export const password = z
  .string({ message: 'accounts.password.required' })
  .min(1, 'accounts.password.required')
  .min(10, 'accounts.password.tooShort')
  .max(128, 'accounts.password.tooLong')
  .regex(/\p{L}/u, 'accounts.password.needsLetter')
  .regex(/\p{Nd}/u, 'accounts.password.needsDigit');

const namePart = (required: string, tooLong: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, required)
    .max(100, tooLong)
    .regex(/^[\p{L}\p{M}' .-]+$/u, 'accounts.name.invalidChars');

const optionalNamePart = z
  .string()
  .trim()
  .max(100, 'accounts.patronymic.tooLong')
  .regex(/^[\p{L}\p{M}' .-]*$/u, 'accounts.name.invalidChars')
  .optional()
  .transform((s) => (s ? s : null));

export const nameInput = z.object({
  lastName: namePart('accounts.lastName.required', 'accounts.lastName.tooLong'),
  firstName: namePart('accounts.firstName.required', 'accounts.firstName.tooLong'),
  patronymic: optionalNamePart,
});
export type NameInput = z.infer<typeof nameInput>;

/** A staff member's position, as printed under the answers they sign; empty clears it. */
export const positionInput = z.object({
  position: z.string().trim().max(300, 'accounts.position.tooLong').optional().default(''),
});
export type PositionInput = z.infer<typeof positionInput>;

export const signUpInput = z
  .object({
    email,
    lastName: namePart('accounts.lastName.required', 'accounts.lastName.tooLong'),
    firstName: namePart('accounts.firstName.required', 'accounts.firstName.tooLong'),
    patronymic: optionalNamePart,
    password,
    passwordConfirm: z.string().optional(),
    consent: z.literal('yes', { message: 'accounts.consent.required' }),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'accounts.passwordConfirm.mismatch',
  });
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email,
  password: z
    .string({ message: 'accounts.password.required' })
    .min(1, 'accounts.password.required')
    .max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;

export const resetRequestInput = z.object({ email });

export const resetPasswordInput = z
  .object({ password, passwordConfirm: z.string().optional() })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'accounts.passwordConfirm.mismatch',
  });

export const changePasswordInput = z
  .object({
    currentPassword: z.string().max(1024).optional(),
    password,
    passwordConfirm: z.string().optional(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'accounts.passwordConfirm.mismatch',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** A kiosk terminal's PIN (task 8.4): 4 to 8 digits, typed twice when it is set. */
export const kioskStartInput = z
  .object({
    pin: z
      .string()
      .trim()
      .regex(/^\d{4,8}$/, 'accounts.kiosk.pin.format'),
    pinConfirm: z.string().trim().optional(),
  })
  .refine((v) => v.pin === v.pinConfirm, { path: ['pinConfirm'], message: 'accounts.kiosk.pin.mismatch' });
export type KioskStartInput = z.infer<typeof kioskStartInput>;

export const kioskLeaveInput = z.object({
  pin: z.string().trim().min(1, 'accounts.kiosk.pin.required').max(64, 'accounts.kiosk.pin.wrong'),
});
export type KioskLeaveInput = z.infer<typeof kioskLeaveInput>;

export const roleInput = z.enum([...orgRoles, ...globalRoles], { message: 'accounts.role.required' });

const isOrgRole = (r: string) => (orgRoles as readonly string[]).includes(r);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A role to grant: org roles need an organisation; for global roles any organisation given is ignored. */
export const grantRoleInput = z
  .object({ role: roleInput, orgId: z.string().trim().optional() })
  .superRefine((v, ctx) => {
    if (!isOrgRole(v.role)) return;
    if (!v.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'accounts.org.requiredForRole' });
    else if (!UUID.test(v.orgId))
      ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'accounts.org.unknown' });
  })
  .transform((v) => ({ role: v.role, orgId: isOrgRole(v.role) ? (v.orgId ?? null) : null }));
export type GrantRoleInput = z.infer<typeof grantRoleInput>;

export const userSearchInput = z.object({
  q: z.string().trim().max(200).optional().default(''),
});

/** The answer on the 152-ФЗ consent page shown before a first sign-in through ЕСИА creates an account. */
export const oidcConsentInput = z.object({
  decision: z.enum(['agree', 'refuse'], { message: 'accounts.oidcConsent.decisionRequired' }),
});
