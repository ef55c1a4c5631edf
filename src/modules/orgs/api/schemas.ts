import { z } from 'zod';
import { duties, orgKinds, orgLevels } from '../orgs.input.ts';

const localized = z.object({ ru: z.string(), en: z.string().nullable() });

/** An organisation in a list. */
export const organizationSummary = z
  .object({
    slug: z.string().describe('identifier in addresses, e.g. minzdrav'),
    code: z.string().describe('short code used in registration numbers'),
    kind: z.enum(orgKinds),
    level: z.enum(orgLevels),
    name: localized,
    shortName: z.string().nullable(),
    parent: z.string().nullable().describe('slug of the parent organisation'),
    inn: z.string().nullable().describe('ИНН; null when not known (placeholders are never published)'),
    website: z.string().nullable(),
    url: z.string().describe('the public page'),
  })
  .describe('Орган власти / Authority');
z.globalRegistry.add(organizationSummary, { id: 'OrganizationSummary' });

export const organizationSection = z.object({
  key: z.string().describe('stable key, e.g. appeals, open_data'),
  title: localized,
  summary: localized,
  concept: z.string().nullable().describe('mechanism of the regional openness concept it serves'),
  filled: z.boolean().describe('false while nothing is published in the section'),
  responsibleDuty: z.enum(duties).nullable(),
  url: z.string(),
});

export const responsibleOfficial = z.object({
  duty: z.enum(duties),
  fullName: z.string(),
  position: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  receptionHours: z.string().nullable(),
  functions: z.string().nullable(),
  demo: z.boolean().describe('true for a seeded example entry, not a real person'),
});
z.globalRegistry.add(responsibleOfficial, { id: 'ResponsibleOfficial' });

/** One organisation with its sections, officials and subordinate bodies. */
export const organizationDetail = organizationSummary
  .extend({
    description: localized,
    head: z.object({ position: z.string().nullable(), name: z.string().nullable() }),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    sections: z.array(organizationSection),
    officials: z.array(responsibleOfficial),
    children: z.array(organizationSummary),
  })
  .describe('Орган власти с разделами и ответственными лицами / Authority with sections and officials');
z.globalRegistry.add(organizationDetail, { id: 'Organization' });

export const organizationPage = z.object({
  items: z.array(organizationSummary),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
});
