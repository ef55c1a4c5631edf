import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { apiInput } from '../../../platform/http/api.ts';
import { problemSchema } from '../../../platform/http/openapi.ts';
import { appealApiInput } from '../appeals.input.ts';
import {
  appealKinds,
  appealStatuses,
  appealTypes,
  obstructionFindings,
  obstructionKinds,
} from '../appeals.model.ts';
import type { AppealRow, EventWithNotice } from '../appeals.repository.ts';
import { statusPath } from '../format.ts';
import { getOwnAppeal } from '../get-own-appeals.ts';
import { submitAppeal } from '../submit-appeal.ts';

const receipt = z
  .object({
    number: z.string().describe('регистрационный номер / registration number, <org code>-<year>-<sequence>'),
    status: z.enum(appealStatuses),
    registeredAt: z.string().describe('ISO 8601 instant'),
    dueDate: z.string().describe('срок ответа, дата по Europe/Kaliningrad / answer due date (local date)'),
    statusUrl: z.string().describe('страница хода рассмотрения / status page'),
  })
  .describe('Регистрация обращения / Appeal registration receipt');

const appealView = receipt
  .extend({
    type: z.enum(appealTypes),
    kind: z.enum(appealKinds).nullable(),
    orgSlug: z.string().nullable(),
    complainedOrgId: z
      .string()
      .nullable()
      .describe('жалоба: орган, решение или действие которого обжалуется / the body complained about'),
    complainedOfficialId: z.string().nullable(),
    obstructionKind: z
      .enum(obstructionKinds)
      .nullable()
      .describe(
        'жалоба на воспрепятствование общественному контролю: что сделало должностное лицо; null — не такая жалоба / a complaint of obstructed public control: what was done',
      ),
    obstructionFinding: z
      .enum(obstructionFindings)
      .nullable()
      .describe('итог проверки такой жалобы после ответа / the finding, once answered'),
    dueProvisional: z.boolean(),
    subject: z.string().nullable(),
    text: z.string(),
    collective: z.boolean(),
    notificationPending: z
      .boolean()
      .describe('уведомление о регистрации ещё не доставлено / notice not yet delivered'),
    events: z.array(
      z.object({
        at: z.string(),
        kind: z.string(),
        reasonCode: z.string().nullable(),
        reason: z.string().nullable(),
        targetName: z.string().nullable(),
        newDueDate: z.string().nullable(),
        noticeSent: z.boolean().nullable(),
      }),
    ),
    answers: z.array(
      z.object({ text: z.string(), sentAt: z.string().nullable(), signedBy: z.string().nullable() }),
    ),
  })
  .describe('Обращение для его автора / An appeal as its author sees it');

function presentReceipt(a: AppealRow, publicUrl: string) {
  return {
    number: a.number,
    status: a.status as (typeof appealStatuses)[number],
    registeredAt: a.registeredAt.toISOString(),
    dueDate: a.dueDate,
    statusUrl: `${publicUrl}${statusPath(a.number)}`,
  };
}

function presentEvent(e: EventWithNotice) {
  return {
    at: e.at.toISOString(),
    kind: e.kind,
    reasonCode: e.reasonCode,
    reason: e.reason,
    targetName: e.targetName,
    newDueDate: e.newDueDate,
    noticeSent: e.outboxId ? e.noticeSentAt !== null : null,
  };
}

/** POST /api/v1/appeals (a signed-in, identified citizen) and GET /api/v1/appeals/{number} (its author only). */
export async function appealsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;

  r.post(
    '/appeals',
    {
      schema: {
        tags: ['appeals'],
        summary: 'Отправить обращение / Submit an appeal',
        description:
          'Обращение (59-ФЗ), запрос информации (8-ФЗ) или сообщение о коррупции от гражданина, вошедшего на портал (cookie сеанса или личный ключ API: Authorization: Bearer ort_…, создаётся в /cabinet/tokens). Регистрируется сразу: номер, дата, срок ответа и уведомление на почту. Повтор с тем же заголовком Idempotency-Key возвращает то же обращение (200). / An appeal, information request or corruption report from a signed-in citizen (session cookie, or a personal API key: Authorization: Bearer ort_…, made at /cabinet/tokens), registered at once. A repeat with the same Idempotency-Key header returns the same appeal (200).',
        headers: z.object({
          'idempotency-key': z.string().max(100).optional().describe('ключ повтора / idempotency key'),
        }),
        body: appealApiInput,
        response: {
          200: receipt,
          201: receipt,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const { appeal, created } = await submitAppeal(app.deps, originOf(req), {
        ...req.body,
        idempotencyKey: typeof key === 'string' && key ? `api:${key}` : null,
        locale: req.locale,
      });
      reply.header('cache-control', 'no-store');
      reply.header('location', `/api/v1/appeals/${encodeURIComponent(appeal.number)}`);
      return reply.status(created ? 201 : 200).send(presentReceipt(appeal, config.publicUrl));
    },
  );

  r.get(
    '/appeals/:number',
    {
      schema: {
        tags: ['appeals'],
        summary: 'Моё обращение / My appeal',
        description:
          'Статус, срок, ход рассмотрения и ответ — только автору (cookie сеанса или личный ключ API); другим 404. / Status, deadline, history and answer, for its author only (session cookie or personal API key); others get 404.',
        params: apiInput({ number: z.string().max(100) }),
        querystring: apiInput({}),
        response: { 200: appealView, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const d = await getOwnAppeal(app.deps, originOf(req), req.params.number);
      reply.header('cache-control', 'no-store');
      const a = d.appeal;
      return {
        ...presentReceipt(a, config.publicUrl),
        type: a.type as (typeof appealTypes)[number],
        kind: a.kind as (typeof appealKinds)[number] | null,
        orgSlug: d.org?.slug ?? null,
        complainedOrgId: a.complainedOrgId,
        complainedOfficialId: a.complainedOfficialId,
        obstructionKind: a.obstructionKind as (typeof obstructionKinds)[number] | null,
        obstructionFinding: a.obstructionFinding as (typeof obstructionFindings)[number] | null,
        dueProvisional: a.dueProvisional,
        subject: a.subject,
        text: a.text,
        collective: a.collective,
        notificationPending: d.noticePending,
        events: d.events.map(presentEvent),
        answers: d.answers.map((x) => ({
          text: x.text,
          sentAt: x.sentAt?.toISOString() ?? null,
          signedBy: x.signedName,
        })),
      };
    },
  );
}
