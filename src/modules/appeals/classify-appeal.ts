import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { appealsRepository as repo } from './appeals.repository.ts';
import { currentTotk } from './current-totk.ts';
import { type QuestionStatus, questionStatuses } from './outcomes.ts';
import { staffPolicy } from './staff.policy.ts';
import { actingRole, appealForAction } from './staff-action.ts';

export type ClassifyInput = {
  id: string;
  questions: {
    topicCode: string;
    status?: QuestionStatus | undefined;
    measuresTaken?: boolean | undefined;
  }[];
};

/** Set the questions of an appeal by ТОТК code (and, when given, the ССТУ result of each). */
export async function classifyAppeal(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: ClassifyInput,
): Promise<void> {
  // the current edition; codes of appeals classified under an older one stay as they are
  const totk = await currentTotk(deps.db);
  const errors = input.questions.flatMap((q, i) =>
    totk.isQuestion(q.topicCode) ? [] : [{ field: `topic${i + 1}`, message: 'appeals.staff.topic.unknown' }],
  );
  if (input.questions.length === 0) errors.push({ field: 'topic1', message: 'appeals.staff.topic.required' });
  if (errors.length > 0) throw new InvalidInput(errors);
  await deps.db.transaction(async (tx) => {
    const a = await appealForAction(tx, origin.actor, input.id);
    if (!staffPolicy.canClassify(origin.actor, a)) throw new Conflict('appeals.staff.conflict.closed');
    const now = deps.clock.now();
    const before = await repo.questions(tx, a.id);
    const openStatus = a.status === 'extended' ? 'extended' : 'in_review';
    const codes = [...new Set(input.questions.map((q) => q.topicCode))];
    await repo.replaceQuestions(
      tx,
      a.id,
      codes.map((code) => {
        const given = input.questions.find((q) => q.topicCode === code);
        const prev = before.find((q) => q.topicCode === code);
        const status =
          given?.status && (questionStatuses as readonly string[]).includes(given.status)
            ? given.status
            : (prev?.status ?? openStatus);
        return {
          topicCode: code,
          status,
          measuresTaken: status === 'supported' && (given?.measuresTaken ?? prev?.measuresTaken ?? false),
          flags: prev?.flags ?? [],
        };
      }),
      now,
    );
    await repo.update(tx, a.id, { topicCode: codes[0] ?? null, updatedAt: now });
    await repo.insertEvent(tx, {
      appealId: a.id,
      at: now,
      kind: 'topic_set',
      actorUserId: origin.actor.kind === 'user' ? origin.actor.userId : null,
      actorRole: actingRole(origin.actor, a.orgId),
      visibleToAuthor: false,
      details: { topics: codes, totkVersion: totk.version },
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'appeal.classify',
      objectType: 'appeal',
      objectId: a.id,
      orgId: a.orgId,
      details: { number: a.number, topics: codes },
    });
  });
}
