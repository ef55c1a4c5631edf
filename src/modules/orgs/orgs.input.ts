import { z } from 'zod';
import { isValidOrgInn } from './inn.ts';

/** Kinds of organisation, in the order the lists show them. */
export const orgKinds = [
  'government',
  'ministry',
  'agency',
  'service',
  'inspection',
  'committee',
  'municipal_city_okrug',
  'municipal_okrug',
  'municipal_district',
  'urban_settlement',
  'rural_settlement',
  'other',
] as const;
export type OrgKind = (typeof orgKinds)[number];

export const orgLevels = ['government', 'executive', 'municipal'] as const;
export type OrgLevel = (typeof orgLevels)[number];

/** What a responsible official answers for (tasks 3.2, 4.1, 7.4, 8.1, 10.1). */
export const duties = [
  'appeals',
  'media',
  'open_data',
  'anti_corruption',
  'information_access',
  'openness',
] as const;
export type Duty = (typeof duties)[number];

/** Empty form fields become null; text is trimmed. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : null));

const optionalPhone = z
  .string()
  .trim()
  .max(100, 'orgs.phone.tooLong')
  .regex(/^$|^[+\d][\d\s()\-–,доб.]*$/u, 'orgs.phone.invalid')
  .optional()
  .transform((v) => (v ? v : null));

const optionalEmail = z
  .string()
  .trim()
  .max(254, 'orgs.email.invalid')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'orgs.email.invalid')
  .optional()
  .transform((v) => (v ? v : null));

const optionalWebsite = z
  .string()
  .trim()
  .max(500, 'orgs.website.invalid')
  .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), 'orgs.website.invalid')
  .optional()
  .transform((v) => (v ? v : null));

/** The details staff keep up to date; the name, kind and place in the structure come from the data file. */
export const orgDetailsInput = z.object({
  headPosition: optionalText(300, 'orgs.headPosition.tooLong'),
  headName: optionalText(200, 'orgs.headName.tooLong'),
  descriptionRu: optionalText(4000, 'orgs.description.tooLong'),
  descriptionEn: optionalText(4000, 'orgs.description.tooLong'),
  address: optionalText(500, 'orgs.address.tooLong'),
  phone: optionalPhone,
  email: optionalEmail,
  website: optionalWebsite,
  inn: z
    .string()
    .trim()
    .refine((v) => v === '' || isValidOrgInn(v), 'orgs.inn.invalid')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type OrgDetailsInput = z.infer<typeof orgDetailsInput>;

/** A person who answers for a duty. */
export const officialInput = z.object({
  duty: z.enum(duties, { message: 'orgs.duty.required' }),
  fullName: z
    .string({ message: 'orgs.fullName.required' })
    .trim()
    .min(1, 'orgs.fullName.required')
    .max(200, 'orgs.fullName.tooLong'),
  position: z
    .string({ message: 'orgs.position.required' })
    .trim()
    .min(1, 'orgs.position.required')
    .max(300, 'orgs.position.tooLong'),
  phone: optionalPhone,
  email: optionalEmail,
  receptionHours: optionalText(300, 'orgs.receptionHours.tooLong'),
  dutiesRu: optionalText(2000, 'orgs.dutiesText.tooLong'),
});
export type OfficialInput = z.infer<typeof officialInput>;
