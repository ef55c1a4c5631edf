import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { userActor } from '../../platform/authz/index.ts';
import { shippedCalendar } from '../../platform/calendar/index.ts';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { grantRole } from '../accounts/grant-role.ts';
import { answerAppeal } from './answer-appeal.ts';
import { appealsRepository } from './appeals.repository.ts';
import { appeals } from './appeals.tables.ts';
import { assignAppeal } from './assign-appeal.ts';
import { classifyAppeal } from './classify-appeal.ts';
import { extendAppeal } from './extend-appeal.ts';
import { forwardAppeal } from './forward-appeal.ts';
import { getAppealForStaff } from './get-appeal-for-staff.ts';
import { leaveAppealWithoutAnswer } from './leave-appeal-without-answer.ts';
import { listAppealQueue } from './list-appeal-queue.ts';
import { returnComplaint } from './return-complaint.ts';
import { saveAnswerDraft } from './save-answer-draft.ts';
import { IllegalTransition } from './staff-action.ts';
import { staffKit } from './staff-test-kit.ts';

let deps: TestDeps;
let k: Awaited<ReturnType<typeof staffKit>>;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(deps);
});
afterAll(async () => {
  await deps.close();
});

async function mailsTo(email: string) {
  return deps.db.select().from(outbox).where(eq(outbox.toAddress, email));
}
async function row(id: string) {
  const r = await appealsRepository.findById(deps.db, id);
  if (!r) throw new Error('gone');
  return r;
}
const answer = {
  text: 'Ответ по существу.',
  signedName: 'Иванов И. И.',
  signedPosition: 'Министр',
  results: [],
};

describe('staff actions on an appeal (state machine, rules, audit, notices)', () => {
  it('assigns to an officer of the body (registered → in review) and refuses someone else', async () => {
    const a = await k.submit();
    await expect(
      assignAppeal(deps, k.origin(k.officer), { id: a.id, userId: k.otherOfficer.userId }),
    ).rejects.toThrow(InvalidInput);
    await assignAppeal(deps, k.origin(k.officer), { id: a.id, userId: k.officer.userId });
    const r = await row(a.id);
    expect(r.status).toBe('in_review');
    expect(r.assignedUserId).toBe(k.officer.userId);
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'appeal.assign'));
    expect(audit.map((x) => x.objectId)).toContain(a.id);
  });

  it('hides an appeal from staff of another body (404) and records every staff read in the audit log', async () => {
    const a = await k.submit();
    await expect(getAppealForStaff(deps, k.origin(k.otherOfficer), { id: a.id })).rejects.toThrow(NotFound);
    await getAppealForStaff(deps, k.origin(k.officer), { id: a.id });
    await getAppealForStaff(deps, k.origin(k.head), { id: a.id });
    const reads = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appeal.staff_read'), eq(auditLog.objectId, a.id)));
    expect(reads.map((r) => r.actorUserId).sort()).toEqual([k.officer.userId, k.head.userId].sort());
    expect(JSON.stringify(reads)).not.toContain('Текст обращения');
  });

  it('shows corruption reports only to the anti-corruption officer', async () => {
    const a = await k.submit({ type: 'corruption_report' });
    await expect(getAppealForStaff(deps, k.origin(k.head), { id: a.id })).rejects.toThrow(NotFound);
    await expect(getAppealForStaff(deps, k.origin(k.officer), { id: a.id })).rejects.toThrow(NotFound);
    const seen = await getAppealForStaff(deps, k.origin(k.anticorruption), { id: a.id });
    expect(seen.appeal.number).toBe(a.number);
    const q = (who: typeof k.head) =>
      listAppealQueue(deps, who.actor, { filter: {}, page: 1, pageSize: 100 }).then((r) =>
        r.items.map((i) => i.id),
      );
    expect(await q(k.head)).not.toContain(a.id);
    expect(await q(k.anticorruption)).toEqual([a.id]);
  });

  it('hides corruption reports from an administrator until the role is granted, and the grant is audited', async () => {
    const a = await k.submit({ type: 'corruption_report' });
    await expect(getAppealForStaff(deps, k.origin(k.admin), { id: a.id })).rejects.toThrow(NotFound);
    const queue = await listAppealQueue(deps, k.admin.actor, { filter: {}, page: 1, pageSize: 500 });
    expect(queue.items.some((i) => i.type === 'corruption_report')).toBe(false);
    await grantRole(deps, k.origin(k.admin), {
      userId: k.admin.userId,
      role: 'anti_corruption_officer',
      orgId: k.body.id,
    });
    const grants = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'role.grant'), eq(auditLog.objectId, k.admin.userId)));
    expect(grants.map((g) => g.details)).toContainEqual(
      expect.objectContaining({ role: 'anti_corruption_officer' }),
    );
    const granted = userActor(k.admin.userId, [
      { role: 'admin', orgId: null },
      { role: 'anti_corruption_officer', orgId: k.body.id },
    ]);
    const seen = await getAppealForStaff(deps, { actor: granted, ip: null }, { id: a.id });
    expect(seen.appeal.number).toBe(a.number);
  });

  it('forwards to a body on the portal: registered there with its own number, citizen notified, closed here', async () => {
    const a = await k.submit();
    const before = (await mailsTo(k.citizenUser.email)).length;
    const res = await forwardAppeal(deps, k.origin(k.officer), {
      id: a.id,
      mode: 'forward',
      targets: [{ orgId: k.other.id }],
      reason: 'Вопрос в компетенции другого органа',
    });
    expect(res.registered).toHaveLength(1);
    expect(res.registered[0]).toMatch(new RegExp(`^${k.other.code}-2026-\\d+$`));
    const r = await row(a.id);
    expect(r.status).toBe('forwarded');
    expect(r.forwardedToOrgId).toBe(k.other.id);
    const [there] = await deps.db.select().from(appeals).where(eq(appeals.sourceAppealId, a.id));
    expect(there?.orgId).toBe(k.other.id);
    expect(there?.status).toBe('registered');
    expect(there?.authorUserId).toBe(k.citizen.kind === 'user' ? k.citizen.userId : '');
    const mails = await mailsTo(k.citizenUser.email);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)?.textBody).toContain(res.registered[0]);
    // a forwarded appeal cannot be forwarded, extended or answered again
    await expect(
      forwardAppeal(deps, k.origin(k.officer), {
        id: a.id,
        mode: 'forward',
        targets: [{ name: 'X' }],
        reason: 'r',
      }),
    ).rejects.toThrow(Conflict);
    await expect(extendAppeal(deps, k.origin(k.head), { id: a.id, days: 10, reason: 'r' })).rejects.toThrow(
      IllegalTransition,
    );
  });

  it('never forwards a complaint to the body it complains about, and asks which body that is', async () => {
    const a = await k.submit({ kind: 'complaint' });
    const forward = (over: Partial<Parameters<typeof forwardAppeal>[2]>) =>
      forwardAppeal(deps, k.origin(k.officer), {
        id: a.id,
        mode: 'forward',
        targets: [{ orgId: k.other.id }],
        reason: 'r',
        ...over,
      });
    // the complaint does not say whose action it is about: staff must choose the body from the list
    await expect(forward({})).rejects.toMatchObject({
      errors: [{ field: 'complainedOrg', message: 'appeals.staff.forward.complainedRequired' }],
    });
    await expect(forward({ complainedOrgId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(
      InvalidInput,
    );
    const refused = forward({ complainedOrgId: k.other.id });
    await expect(refused).rejects.toThrow(Conflict);
    await expect(refused).rejects.toThrow('appeals.staff.conflict.complaintToSubject');
    // the same body typed by its name as an "outside" body is still that body
    await expect(
      forward({ targets: [{ name: ` ${k.other.nameRu.toUpperCase()} ` }], complainedOrgId: k.other.id }),
    ).rejects.toThrow('appeals.staff.conflict.complaintToSubject');
    expect((await row(a.id)).status).toBe('registered');
    expect((await row(a.id)).complainedOrgId).toBeNull();
    const res = await forward({ targets: [{ orgId: k.third.id }], complainedOrgId: k.other.id });
    expect((await row(a.id)).complainedOrgId).toBe(k.other.id);
    // the receiving body's registration carries the subject too, so it cannot send it on to that body
    const received = (
      await deps.db
        .select()
        .from(appeals)
        .where(eq(appeals.number, res.registered[0] ?? ''))
    )[0];
    expect(received?.complainedOrgId).toBe(k.other.id);
    await expect(
      forwardAppeal(deps, k.origin(k.admin), {
        id: received?.id ?? '',
        mode: 'forward',
        targets: [{ orgId: k.other.id }],
        reason: 'r',
      }),
    ).rejects.toThrow('appeals.staff.conflict.complaintToSubject');
  });

  it('refuses forwarding to the body complained about for every appeal that carries a complaint', async () => {
    // a complaint, a statement that names a body it complains about, a corruption report about a body
    const cases = [
      { a: await k.submit({ kind: 'complaint', complainedOrgId: k.other.id }), by: k.officer },
      { a: await k.submit({ kind: 'statement', complainedOrgId: k.other.id }), by: k.officer },
      {
        a: await k.submit({ type: 'corruption_report', complainedOrgId: k.other.id }),
        by: k.anticorruption,
      },
    ];
    for (const c of cases) {
      await expect(
        forwardAppeal(deps, k.origin(c.by), {
          id: c.a.id,
          mode: 'copy',
          targets: [{ orgId: k.third.id }, { orgId: k.other.id }],
          reason: 'r',
        }),
      ).rejects.toThrow('appeals.staff.conflict.complaintToSubject');
      // a staff choice never overrides what the appeal records
      await expect(
        forwardAppeal(deps, k.origin(c.by), {
          id: c.a.id,
          mode: 'forward',
          targets: [{ orgId: k.other.id }],
          complainedOrgId: k.third.id,
          reason: 'r',
        }),
      ).rejects.toThrow('appeals.staff.conflict.complaintToSubject');
      expect((await row(c.a.id)).status).toBe('registered');
    }
    // a corruption report that names no body still needs one before it can be forwarded
    const report = await k.submit({ type: 'corruption_report' });
    await expect(
      forwardAppeal(deps, k.origin(k.anticorruption), {
        id: report.id,
        mode: 'forward',
        targets: [{ orgId: k.other.id }],
        reason: 'r',
      }),
    ).rejects.toMatchObject({
      errors: [{ field: 'complainedOrg', message: 'appeals.staff.forward.complainedRequired' }],
    });
    await forwardAppeal(deps, k.origin(k.officer), {
      id: (await k.submit({ kind: 'statement' })).id,
      mode: 'forward',
      targets: [{ name: 'Прокуратура Калининградской области' }],
      reason: 'Надзор за исполнением законов',
    });
  });

  it('returns a complaint only its subject could consider, with the right to go to court (art. 8 ч.7)', async () => {
    const a = await k.submit({ kind: 'complaint', complainedOrgId: k.other.id });
    await expect(returnComplaint(deps, k.origin(k.otherOfficer), { id: a.id, reason: 'r' })).rejects.toThrow(
      NotFound,
    );
    const res = await returnComplaint(deps, k.origin(k.officer), {
      id: a.id,
      reason: 'Выдача разрешения — полномочие только этого министерства',
    });
    expect(res.noticeSent).toBe(true);
    const r = await row(a.id);
    expect(r.status).toBe('returned');
    expect(r.closedAt).not.toBeNull();
    const events = await appealsRepository.events(deps.db, a.id);
    const ev = events.find((e) => e.kind === 'returned');
    expect(ev?.visibleToAuthor).toBe(true);
    expect(ev?.targetOrgId).toBe(k.other.id);
    expect(ev?.details).toMatchObject({ article: '59-ФЗ ст. 8 ч. 7' });
    const [mail] = (await mailsTo(k.citizenUser.email)).filter((m) => m.kind === 'appeal.returned');
    expect(mail?.subject).toContain(a.number);
    expect(mail?.textBody).toContain('частью 7 статьи 8');
    expect(mail?.textBody).toContain('в суд');
    expect(mail?.textBody).toContain(k.other.nameRu);
    expect(mail?.textBody).toContain('полномочие только этого министерства');
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'appeal.return_complaint'));
    expect(audit.map((x) => x.objectId)).toContain(a.id);
    // closed: nothing more to return or forward
    await expect(returnComplaint(deps, k.origin(k.officer), { id: a.id, reason: 'r' })).rejects.toThrow(
      Conflict,
    );
  });

  it('returns only a complaint, and not one sent to the very body it is about', async () => {
    const statement = await k.submit({ kind: 'statement' });
    await expect(
      returnComplaint(deps, k.origin(k.officer), { id: statement.id, reason: 'r' }),
    ).rejects.toThrow('appeals.staff.conflict.notComplaint');
    const own = await k.submit({ kind: 'complaint', complainedOrgId: k.body.id });
    await expect(returnComplaint(deps, k.origin(k.officer), { id: own.id, reason: 'r' })).rejects.toThrow(
      'appeals.staff.conflict.returnOwnBody',
    );
    const unnamed = await k.submit({ kind: 'complaint' });
    await expect(
      returnComplaint(deps, k.origin(k.officer), { id: unnamed.id, reason: 'r' }),
    ).rejects.toMatchObject({
      errors: [{ field: 'complainedOrg', message: 'appeals.staff.forward.complainedRequired' }],
    });
    await returnComplaint(deps, k.origin(k.officer), {
      id: unnamed.id,
      complainedOrgId: k.third.id,
      reason: 'r',
    });
    expect((await row(unnamed.id)).complainedOrgId).toBe(k.third.id);
    expect((await row(own.id)).status).toBe('registered');
  });

  it('sends copies to several bodies while the appeal stays here', async () => {
    const a = await k.submit();
    const res = await forwardAppeal(deps, k.origin(k.officer), {
      id: a.id,
      mode: 'copy',
      targets: [{ orgId: k.other.id }, { orgId: k.third.id }, { name: 'ФНС России' }],
      reason: 'Вопросы в компетенции нескольких органов',
    });
    expect(res.registered).toHaveLength(2);
    expect((await row(a.id)).status).toBe('registered');
    const events = await appealsRepository.events(deps.db, a.id);
    expect(events.filter((e) => e.kind === 'copy_sent').map((e) => e.targetName)).toHaveLength(3);
  });

  it('extends once, by the head only, up to 30 days, with a notice; a second extension is refused', async () => {
    const a = await k.submit();
    await expect(
      extendAppeal(deps, k.origin(k.officer), { id: a.id, days: 10, reason: 'r' }),
    ).rejects.toThrow(Forbidden);
    await expect(extendAppeal(deps, k.origin(k.head), { id: a.id, days: 31, reason: 'r' })).rejects.toThrow(
      InvalidInput,
    );
    // registered 2 March 2026, due 1 April; +30 days = 1 May (a holiday) → 30 April
    expect(a.dueDate).toBe('2026-04-01');
    const res = await extendAppeal(deps, k.origin(k.head), { id: a.id, days: 30, reason: 'Нужна проверка' });
    expect(res.dueDate).toBe('2026-04-30');
    const r = await row(a.id);
    expect(r).toMatchObject({ status: 'extended', extensionCount: 1, dueDate: '2026-04-30' });
    expect((await mailsTo(k.citizenUser.email)).at(-1)?.textBody).toContain('30.04.2026');
    const second = extendAppeal(deps, k.origin(k.head), { id: a.id, days: 5, reason: 'ещё' });
    await expect(second).rejects.toThrow(Conflict);
    await expect(second).rejects.toThrow('appeals.staff.conflict.extendedOnce');
  });

  it('answers only with a signer role, after the questions are classified; results per question in ССТУ statuses', async () => {
    const a = await k.submit();
    const noSigner = answerAppeal(deps, k.origin(k.officer), { id: a.id, ...answer });
    await expect(noSigner).rejects.toThrow('appeals.staff.conflict.notSigner');
    await expect(answerAppeal(deps, k.origin(k.signer), { id: a.id, ...answer })).rejects.toThrow(
      InvalidInput,
    );
    await expect(
      classifyAppeal(deps, k.origin(k.officer), {
        id: a.id,
        questions: [{ topicCode: '9999.9999.9999.9999' }],
      }),
    ).rejects.toThrow(InvalidInput);
    await classifyAppeal(deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0005.0005.0056.1160' }, { topicCode: '0003.0009.0099.0742.0110' }],
    });
    await answerAppeal(deps, k.origin(k.signer), {
      id: a.id,
      ...answer,
      results: [
        { status: 'supported', measuresTaken: true },
        { status: 'explained', measuresTaken: false },
      ],
    });
    const r = await row(a.id);
    expect(r.status).toBe('sent');
    const qs = await appealsRepository.questions(deps.db, a.id);
    expect(qs.map((q) => [q.topicCode, q.status, q.measuresTaken, q.flags])).toEqual([
      ['0005.0005.0056.1160', 'supported', true, ['signed_by_deputy']],
      ['0003.0009.0099.0742.0110', 'explained', false, ['signed_by_deputy']],
    ]);
    const [ans] = await appealsRepository.answers(deps.db, a.id);
    expect(ans).toMatchObject({
      status: 'sent',
      signedByUserId: k.signer.userId,
      signedRole: 'appeals_signer',
    });
    expect((await mailsTo(k.citizenUser.email)).at(-1)?.textBody).toContain('Ответ по существу.');
    const kinds = (await appealsRepository.events(deps.db, a.id)).map((e) => e.kind);
    expect(kinds).toEqual(['registered', 'topic_set', 'answer_signed', 'answered']);
    // answered: nothing more may happen but classification
    await expect(answerAppeal(deps, k.origin(k.head), { id: a.id, ...answer })).rejects.toThrow(Conflict);
    await expect(
      leaveAppealWithoutAnswer(deps, k.origin(k.head), { id: a.id, reason: 'unreadable' }),
    ).rejects.toThrow(Conflict);
  });

  it('an officer drafts the answer, the signer signs that same answer off; the draft is not sent', async () => {
    const a = await k.submit();
    await classifyAppeal(deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    });
    const before = (await mailsTo(k.citizenUser.email)).length;
    const { answerId } = await saveAnswerDraft(deps, k.origin(k.officer), { id: a.id, text: 'Проект' });
    await saveAnswerDraft(deps, k.origin(k.officer), { id: a.id, text: 'Проект, исправленный' });
    expect(await appealsRepository.answers(deps.db, a.id)).toMatchObject([
      { id: answerId, status: 'draft', text: 'Проект, исправленный', draftedBy: k.officer.userId },
    ]);
    expect((await mailsTo(k.citizenUser.email)).length).toBe(before);
    // the appeal awaits signature and the body's signers are told once (not the drafter, not the citizen)
    expect((await row(a.id)).status).toBe('awaiting_signature');
    for (const signer of [k.head, k.signer]) {
      const mails = (await mailsTo(signer.email)).filter((m) => m.subject.includes(a.number));
      expect(mails.map((m) => m.subject)).toEqual([`Обращение ${a.number} ожидает подписи`]);
      expect(mails[0]?.textBody).toContain(`/manage/appeals/${a.id}#answer`);
    }
    expect((await mailsTo(k.officer.email)).filter((m) => m.subject.includes(a.number))).toEqual([]);
    expect(await appealsRepository.countEvents(deps.db, a.id, 'answer_drafted')).toBe(1);
    await expect(saveAnswerDraft(deps, k.origin(k.otherOfficer), { id: a.id, text: 'x' })).rejects.toThrow(
      NotFound,
    );
    await answerAppeal(deps, k.origin(k.head), { id: a.id, ...answer, text: 'Проект, подписанный' });
    const answers = await appealsRepository.answers(deps.db, a.id);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      id: answerId,
      status: 'sent',
      text: 'Проект, подписанный',
      draftedBy: k.officer.userId,
      signedByUserId: k.head.userId,
      signedRole: 'head',
      // from the head's profile, whatever the form might have carried
      signedName: 'Т. Т. Тестов',
      signedPosition: 'Министр',
    });
    expect((await row(a.id)).status).toBe('sent');
    expect((await appealsRepository.questions(deps.db, a.id))[0]?.flags).toEqual(['signed_by_head']);
  });

  it('leaves without answer only for a reason of art. 11, with its notice; ending correspondence needs the head', async () => {
    const a = await k.submit();
    await expect(
      leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'dislike' }),
    ).rejects.toThrow(InvalidInput);
    await expect(
      leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'repeated_no_new_args' }),
    ).rejects.toThrow('appeals.staff.conflict.headDecision');
    await expect(
      leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'answer_published_online' }),
    ).rejects.toThrow(InvalidInput);
    const before = (await mailsTo(k.citizenUser.email)).length;
    const res = await leaveAppealWithoutAnswer(deps, k.origin(k.officer), {
      id: a.id,
      reason: 'answer_published_online',
      link: 'https://example.test/faq/1',
    });
    expect(res.noticeSent).toBe(true);
    const mails = await mailsTo(k.citizenUser.email);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)?.textBody).toContain('https://example.test/faq/1');
    expect(await row(a.id)).toMatchObject({
      status: 'left_without_answer',
      withoutAnswerReason: 'answer_published_online',
    });
    // no name or address: no notice
    const b = await k.submit();
    const none = await leaveAppealWithoutAnswer(deps, k.origin(k.officer), {
      id: b.id,
      reason: 'no_name_or_address',
      crimeReportTo: 'УМВД России по Калининградской области',
    });
    expect(none.noticeSent).toBe(false);
    const crime = (await appealsRepository.events(deps.db, b.id)).find(
      (e) => e.reasonCode === 'crime_report',
    );
    expect(crime).toMatchObject({
      kind: 'forwarded',
      targetName: 'УМВД России по Калининградской области',
      visibleToAuthor: false,
    });
    // unreadable with the address unreadable too: no notice; the head may end correspondence
    const c = await k.submit();
    expect(
      (
        await leaveAppealWithoutAnswer(deps, k.origin(k.officer), {
          id: c.id,
          reason: 'unreadable',
          addressReadable: false,
        })
      ).noticeSent,
    ).toBe(false);
    const d = await k.submit();
    expect(
      (await leaveAppealWithoutAnswer(deps, k.origin(k.head), { id: d.id, reason: 'repeated_no_new_args' }))
        .noticeSent,
    ).toBe(true);
  });

  it('refuses an information request with 8-ФЗ art. 20 reasons, not art. 11', async () => {
    const a = await k.submit({ type: 'info_request' });
    await expect(
      leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'obscene_or_threats' }),
    ).rejects.toThrow(InvalidInput);
    await leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason: 'restricted' });
    expect((await mailsTo(k.citizenUser.email)).at(-1)?.textBody).toContain('ограниченного доступа');
  });

  it('the queue filters by status, officer, topic, due date and overdue, with counts and working days left', async () => {
    const q = (filter: Parameters<typeof listAppealQueue>[2]['filter']) =>
      listAppealQueue(deps, k.officer.actor, { filter, page: 1, pageSize: 100 });
    const all = await q({});
    expect(all.total).toBeGreaterThan(5);
    expect(all.items.every((i) => i.orgId === k.body.id && i.type !== 'corruption_report')).toBe(true);
    expect((await q({ status: 'sent' })).items.every((i) => i.status === 'sent')).toBe(true);
    expect(
      (await q({ officer: k.officer.userId })).items.every((i) => i.assignedUserId === k.officer.userId),
    ).toBe(true);
    expect((await q({ topic: '0005.0005' })).total).toBe(1);
    expect(all.counts.byStatus.left_without_answer).toBeGreaterThanOrEqual(5);
    // 2 March: an appeal due 1 April has the production calendar's working days left (9 March is off)
    const open = all.items.find((i) => i.dueDate === '2026-04-01' && i.status === 'registered');
    expect(open?.workingDaysLeft).toBe(shippedCalendar().workingDaysBetween('2026-03-02', '2026-04-01'));
    expect(open?.workingDaysLeft).toBeLessThan(23);
    expect((await q({ dueWithin: 10 })).total).toBe(0);
    // the total comes from the counts by status: it is the number of rows each filter pages through
    for (const filter of [
      {},
      { status: 'sent' },
      { open: true },
      { status: 'registered', open: true },
      { status: 'sent', open: true },
      { officer: k.officer.userId },
      { officer: 'none', open: true },
      { topic: '0005' },
      { dueWithin: 40 },
    ]) {
      const r = await q(filter);
      expect(r.total, JSON.stringify(filter)).toBe(r.items.length);
    }
    expect((await q({ open: true })).total).toBeGreaterThan(0);
    // the counts kept by the triggers (base + deltas, folded by the job) are the appeals' own, before and after a fold
    const live = async (corruption: boolean, orgId?: string) =>
      Object.fromEntries(
        (
          await deps.db.$client.query<{ status: string; n: number }>(
            `select status, count(*)::int as n from appeals
              where (type = 'corruption_report') = $1 and ($2::uuid is null or org_id = $2) group by status`,
            [corruption, orgId ?? null],
          )
        ).rows.map((r) => [r.status, r.n]),
      );
    for (const fold of [false, true]) {
      if (fold) expect(await appealsRepository.foldStatusDeltas(deps.db)).toBeGreaterThan(0);
      expect((await q({})).counts.byStatus, `fold ${fold}`).toEqual(await live(false, k.body.id));
      const admin = await listAppealQueue(deps, k.admin.actor, { filter: {}, page: 1, pageSize: 1 });
      expect(admin.counts.byStatus).toEqual(await live(false));
    }
    expect(
      Number((await deps.db.$client.query('select count(*)::int as n from appeal_status_deltas')).rows[0].n),
    ).toBe(0);
    deps.clock.set('2026-04-02T09:00:00+02:00');
    const overdue = await listAppealQueue(deps, k.officer.actor, {
      filter: { overdue: true },
      page: 1,
      pageSize: 100,
    });
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((i) => i.workingDaysLeft < 0)).toBe(true);
    expect(overdue.counts.overdue).toBe(overdue.total);
    deps.clock.set('2026-03-02T09:00:00+02:00');
  });
});
