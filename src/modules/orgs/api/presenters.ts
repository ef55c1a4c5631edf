import type { z } from 'zod';
import type { OrgHome } from '../get-org-home.ts';
import type { Duty, OrgKind, OrgLevel } from '../orgs.input.ts';
import type { OfficialRow, OrgRow, OrgSectionRow } from '../orgs.repository.ts';
import type { organizationDetail, organizationSummary } from './schemas.ts';

type Summary = z.infer<typeof organizationSummary>;
type Detail = z.infer<typeof organizationDetail>;

/** Field by field, so nothing the public must not see leaves by accident; a placeholder ИНН is null. */
export function presentOrgSummary(o: OrgRow, base: string, parentSlug: string | null): Summary {
  return {
    slug: o.slug,
    code: o.code,
    kind: o.kind as OrgKind,
    level: o.level as OrgLevel,
    name: { ru: o.nameRu, en: o.nameEn },
    shortName: o.shortNameRu,
    parent: parentSlug,
    inn: o.innIsDemo ? null : o.inn,
    website: o.website,
    url: `${base}/orgs/${o.slug}`,
  };
}

function presentSection(s: OrgSectionRow, base: string, slug: string) {
  return {
    key: s.key,
    title: { ru: s.titleRu, en: s.titleEn },
    summary: { ru: s.summaryRu ?? '', en: s.summaryEn },
    concept: s.concept,
    filled: s.filledAt !== null,
    responsibleDuty: (s.responsibleDuty as Duty | null) ?? null,
    url: `${base}/orgs/${slug}/${s.path}`,
  };
}

function presentOfficial(o: OfficialRow) {
  return {
    duty: o.duty as Duty,
    fullName: o.fullName,
    position: o.position,
    phone: o.phone,
    email: o.email,
    receptionHours: o.receptionHours,
    functions: o.dutiesRu,
    demo: o.isDemo,
  };
}

export function presentOrgDetail(h: OrgHome, base: string): Detail {
  const { org } = h;
  return {
    ...presentOrgSummary(org, base, h.parent?.slug ?? null),
    description: { ru: org.descriptionRu ?? '', en: org.descriptionEn },
    head: { position: org.headPosition, name: org.headName },
    address: org.address,
    phone: org.phone,
    email: org.email,
    sections: h.sections.map((s) => presentSection(s, base, org.slug)),
    officials: h.officials.map(presentOfficial),
    children: h.children.map((c) => presentOrgSummary(c, base, org.slug)),
  };
}
