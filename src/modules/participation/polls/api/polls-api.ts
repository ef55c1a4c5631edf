import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { originOf } from '../../../../platform/audit/index.ts';
import { apiInput } from '../../../../platform/http/api.ts';
import { problemSchema } from '../../../../platform/http/openapi.ts';
import { getPoll, listPolls, type PollView } from '../get-poll.ts';
import type { PeriodState } from '../poll-state.ts';
import type { PollRow } from '../polls.repository.ts';
import { voteInPoll } from '../vote-in-poll.ts';

const pollSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  question: z.string(),
  options: z.array(z.string()),
  multiple: z.boolean(),
  opensOn: z.string().describe('дата по Europe/Kaliningrad / local date'),
  closesOn: z.string().describe('последний день голосования / last day of voting'),
  state: z.enum(['upcoming', 'open', 'closed']),
  eligibility: z.enum(['signed_in', 'esia', 'residents']),
  topic: z.string(),
  url: z.string(),
});

const pollDetail = pollSummary
  .extend({
    description: z.string(),
    changeable: z.boolean(),
    resultsShown: z.enum(['live', 'after_close']),
    results: z
      .object({ voters: z.number(), counts: z.array(z.number()) })
      .nullable()
      .describe('null, пока результаты скрыты / null while the results are hidden'),
    myVote: z.array(z.number()).nullable(),
  })
  .describe('Опрос / A poll');

function present(p: PollRow, state: PeriodState, publicUrl: string) {
  return {
    id: p.id,
    orgId: p.orgId,
    question: p.question,
    options: p.options,
    multiple: p.multiple,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    state,
    eligibility: p.eligibility as 'signed_in' | 'esia' | 'residents',
    topic: p.topic,
    url: `${publicUrl}/polls/${p.id}`,
  };
}

function presentDetail(v: PollView, publicUrl: string) {
  return {
    ...present(v.poll, v.state, publicUrl),
    description: v.poll.description,
    changeable: v.poll.changeable,
    resultsShown: v.poll.results as 'live' | 'after_close',
    results: v.results,
    myVote: v.ownVote ? v.ownVote.choices : null,
  };
}

/** GET /api/v1/polls, GET /api/v1/polls/{id}, POST /api/v1/polls/{id}/votes (task 8.5). */
export async function pollsApi(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;

  r.get(
    '/polls',
    {
      schema: {
        tags: ['participation'],
        summary: 'Опросы / Polls',
        description:
          'Опубликованные опросы; topic=opendata_priorities — приоритеты открытых данных (задача 10.3). / Published polls; topic=opendata_priorities: open data priorities.',
        querystring: apiInput({ topic: z.enum(['general', 'opendata_priorities']).optional() }),
        response: { 200: z.object({ items: z.array(pollSummary) }) },
      },
    },
    async (req) => {
      const items = await listPolls(app.deps, req.query.topic ? { topic: req.query.topic } : {});
      return { items: items.map((i) => present(i.poll, i.state, config.publicUrl)) };
    },
  );

  r.get(
    '/polls/:id',
    {
      schema: {
        tags: ['participation'],
        summary: 'Опрос и его результаты / A poll and its results',
        params: apiInput({ id: z.string().max(40) }),
        querystring: apiInput({}),
        response: { 200: pollDetail, 404: problemSchema },
      },
    },
    async (req, reply) => {
      const v = await getPoll(app.deps, req.actor, req.params.id);
      reply.header('cache-control', 'no-store');
      return presentDetail(v, config.publicUrl);
    },
  );

  r.post(
    '/polls/:id/votes',
    {
      schema: {
        tags: ['participation'],
        summary: 'Проголосовать / Vote',
        description:
          'Один голос на человека: повторный голос — 409 (и при одновременных запросах). change=true меняет голос, если опрос это разрешает. / One vote per person: a second vote is 409, also under concurrent requests; change=true changes it where the poll allows.',
        params: apiInput({ id: z.string().max(40) }),
        body: apiInput({
          choices: z.array(z.number().int().min(0).max(29)).min(1).max(30),
          change: z.boolean().optional(),
        }),
        response: {
          201: z.object({ outcome: z.enum(['recorded', 'changed']) }),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const outcome = await voteInPoll(app.deps, originOf(req), {
        pollId: req.params.id,
        vote: { choice: req.body.choices },
        change: req.body.change === true,
      });
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ outcome });
    },
  );
}
