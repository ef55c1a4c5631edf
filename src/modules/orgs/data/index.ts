import { z } from 'zod';
import { duties, orgKinds, orgLevels } from '../orgs.input.ts';
import sectionsJson from './default-sections.json' with { type: 'json' };
import orgsJson from './kaliningrad-orgs.json' with { type: 'json' };

const orgRecord = z.strictObject({
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
  code: z.string().regex(/^[A-Z][A-Z0-9]*$/),
  kind: z.enum(orgKinds),
  level: z.enum(orgLevels),
  parent: z.string().nullable(),
  nameRu: z.string().min(1),
  nameEn: z.string().min(1),
  shortNameRu: z.string().nullable(),
  descriptionRu: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  headPosition: z.string().nullable(),
  headName: z.string().nullable(),
  inn: z.string().nullable(),
  innIsDemo: z.boolean(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  source: z.string().min(1),
  checked: z.string().min(1),
  confidence: z.enum(['high', 'medium']),
  note: z.string().nullable(),
});
export type OrgRecord = z.infer<typeof orgRecord>;

const orgsFile = z.object({
  checked: z.string(),
  excluded: z.array(z.object({ nameRu: z.string(), reason: z.string() })),
  organizations: z.array(orgRecord),
});

const sectionRecord = z.strictObject({
  key: z.string().regex(/^[a-z_]+$/),
  path: z.string().regex(/^[a-z][a-z0-9-]*$/),
  concept: z.string(),
  for: z.array(z.enum(orgLevels)).optional(),
  responsibleDuty: z.enum(duties),
  titleRu: z.string().min(1),
  titleEn: z.string().min(1),
  summaryRu: z.string(),
  summaryEn: z.string(),
});
export type SectionRecord = z.infer<typeof sectionRecord>;

/** The region's organisations as versioned data (see kaliningrad-orgs.json for sources and confidence). */
export const regionData = orgsFile.parse(orgsJson);

/** The default sections of an organisation's home, one per mechanism of the concept. */
export const defaultSections: SectionRecord[] = z
  .object({ sections: z.array(sectionRecord) })
  .parse(sectionsJson).sections;

/** The default sections that apply to an organisation of this level. */
export function sectionsForLevel(level: string): SectionRecord[] {
  return defaultSections.filter((s) => !s.for || (s.for as string[]).includes(level));
}

/** The note staff see about where a record came from and what to check. */
export function sourceNoteOf(r: OrgRecord): string {
  const confidence = r.confidence === 'high' ? 'высокая' : 'средняя — проверить';
  return [
    `Источник: ${r.source}.`,
    `Составлено: ${r.checked}.`,
    `Достоверность: ${confidence}.`,
    r.note ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}
