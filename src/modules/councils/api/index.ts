import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { councilKinds, memberPositions } from '../councils.model.ts';
import { councilsRepository as repo } from '../councils.repository.ts';
import { getCouncilPage } from '../get-council-page.ts';

const councilSummary = z.object({
  id: z.uuid(),
  kind: z.enum(councilKinds),
  name: z.string(),
  organizationId: z.uuid(),
  url: z.string(),
});

const member = z.object({
  fullName: z.string(),
  position: z.enum(memberPositions),
  affiliation: z.string().nullable(),
  termStart: z.string(),
  termEnd: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
});

const councilDetail = councilSummary.extend({
  regulation: z.object({ title: z.string().nullable(), url: z.string().nullable() }),
  members: z.array(member),
  pastMembers: z.array(member),
  meetings: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.string(),
      place: z.string(),
      protocolPublished: z.boolean(),
      url: z.string(),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      status: z.enum(['open', 'reported']),
      report: z.string().nullable(),
    }),
  ),
  conclusions: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['conclusion', 'co_report']),
      subjectKind: z.string(),
      subjectTitle: z.string(),
      subjectUrl: z.string().nullable(),
      year: z.number(),
      publishedAt: z.string(),
      url: z.string(),
    }),
  ),
  assessments: z.array(
    z.object({
      year: z.number(),
      experts: z.number(),
      expertIndex: z.number().nullable(),
      selfIndex: z.number().nullable(),
    }),
  ),
});

/** GET /api/v1/councils and /api/v1/councils/{id}. */
export async function councilsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const base = deps.config.publicUrl;

  r.get(
    '/councils',
    {
      schema: {
        tags: ['councils'],
        summary: 'Советы и комиссии / Councils and commissions',
        description:
          'Общественные советы, экспертный совет, комиссия, проектный офис, рабочие группы. / Every council.',
        querystring: apiInput({}),
        response: { 200: z.object({ items: z.array(councilSummary) }), 400: problemSchema },
      },
    },
    async () => ({
      items: (await repo.listCouncils(deps.db)).map((c) => ({
        id: c.id,
        kind: c.kind as (typeof councilKinds)[number],
        name: c.nameRu,
        organizationId: c.orgId,
        url: `${base}/councils/${c.id}`,
      })),
    }),
  );

  r.get(
    '/councils/:id',
    {
      schema: {
        tags: ['councils'],
        summary: 'Совет / Council',
        description:
          'Положение, состав, заседания, решения, заключения, независимая оценка. / Regulation, members, meetings, decisions, conclusions, assessment.',
        params: apiInput({ id: z.uuid() }),
        querystring: apiInput({}),
        response: { 200: councilDetail, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => {
      const p = await getCouncilPage(deps, req.params.id);
      const m = (x: (typeof p.current)[number]) => ({
        fullName: x.fullName,
        position: x.position as (typeof memberPositions)[number],
        affiliation: x.affiliation,
        termStart: x.termStart,
        termEnd: x.termEnd,
        endedOn: x.endedOn,
        endReason: x.endReason,
      });
      return {
        id: p.council.id,
        kind: p.council.kind as (typeof councilKinds)[number],
        name: p.council.nameRu,
        organizationId: p.council.orgId,
        url: `${base}/councils/${p.council.id}`,
        regulation: { title: p.council.regulationTitle, url: p.council.regulationUrl },
        members: p.current.map(m),
        pastMembers: p.past.map(m),
        meetings: [...p.upcoming, ...p.held].map((x) => ({
          id: x.id,
          startsAt: x.startsAt.toISOString(),
          place: x.place,
          protocolPublished: x.protocolPublishedAt !== null,
          url: `${base}/councils/meetings/${x.id}`,
        })),
        decisions: p.decisions.map((d) => ({
          id: d.id,
          text: d.textRu,
          status: d.status as 'open' | 'reported',
          report: d.reportRu,
        })),
        conclusions: p.conclusions.map((c) => ({
          id: c.id,
          kind: c.kind as 'conclusion' | 'co_report',
          subjectKind: c.subjectKind,
          subjectTitle: c.subjectTitle,
          subjectUrl: c.subjectUrl,
          year: c.year,
          publishedAt: c.publishedAt.toISOString(),
          url: `${base}/councils/conclusions/${c.id}`,
        })),
        assessments: p.assessments.map((a) => ({
          year: a.year,
          experts: a.experts,
          expertIndex: a.expertIndex,
          selfIndex: a.selfIndex,
        })),
      };
    },
  );
}
