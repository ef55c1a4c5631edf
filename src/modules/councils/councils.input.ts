import { z } from 'zod';
import {
  AGENDA_ROWS,
  attendeeKinds,
  CRITERIA_ROWS,
  conclusionKinds,
  councilKinds,
  DECISION_ROWS,
  linkKinds,
  memberPositions,
  subjectKinds,
  votes,
} from './councils.model.ts';

/*
 * One schema per input, shared by the HTML forms and the JSON API. Messages are
 * i18n keys (messages.ts) that tell the person what to do.
 */

const text = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'councils.err.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'councils.err.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

/** A link: a path on the portal (/orgs/…) or an http(s) address; empty → null. */
const optionalLink = z
  .string()
  .trim()
  .max(2000, 'councils.err.tooLong')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\/(?!\/)\S*$/.test(v) || /^https?:\/\/\S+$/i.test(v), 'councils.err.link');

/** A date as ДД.ММ.ГГГГ or ГГГГ-ММ-ДД → ГГГГ-ММ-ДД. */
const dateOf = (v: string): string | null => {
  const ru = v.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const iso = v.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const [y, m, d] = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  const date = y && m && d ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
  if (
    !date ||
    date.getUTCDate() !== Number(d) ||
    date.getUTCFullYear() < 2000 ||
    date.getUTCFullYear() > 2100
  )
    return null;
  return date.toISOString().slice(0, 10);
};
const requiredDate = (key: string) =>
  z
    .string({ error: key })
    .trim()
    .transform((v, ctx) => {
      const d = dateOf(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: key });
        return z.NEVER;
      }
      return d;
    });
const optionalDate = (key: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const d = dateOf(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: key });
        return z.NEVER;
      }
      return d;
    });

/** «a; b» or lines → a list of trimmed, non-empty items. */
const lines = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [
      ...new Set((Array.isArray(v) ? v : (v ?? '').split(/[;\n]/)).map((s) => s.trim()).filter(Boolean)),
    ].slice(0, 20),
  )
  .refine((l) => l.every((s) => s.length <= 300), 'councils.err.tooLong');

const checked = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'yes' || v === 'on' || v === 'true');

const intIn = (min: number, max: number, key: string) =>
  z.union([z.string(), z.number()], { error: key }).transform((v, ctx) => {
    const s = typeof v === 'number' ? String(v) : v.trim();
    if (!/^-?\d+$/.test(s) || Number(s) < min || Number(s) > max) {
      ctx.addIssue({ code: 'custom', message: key });
      return z.NEVER;
    }
    return Number(s);
  });

export const councilInput = z.object({
  kind: z.enum(councilKinds, { error: 'councils.err.kind' }),
  nameRu: text(300, 'councils.err.name'),
  nameEn: optionalText(300),
  descriptionRu: optionalText(5000),
  regulationTitle: optionalText(500),
  regulationUrl: optionalLink,
  participationRu: optionalText(5000),
});
export type CouncilInput = z.infer<typeof councilInput>;

export const memberInput = z
  .object({
    fullName: text(200, 'councils.err.fullName'),
    position: z.enum(memberPositions, { error: 'councils.err.position' }),
    affiliation: optionalText(300),
    email: z
      .string()
      .trim()
      .max(300, 'councils.err.tooLong')
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null))
      .refine((v) => v === null || /^[^@\s]+@[^@\s]+$/.test(v), 'councils.err.email'),
    termStart: requiredDate('councils.err.termStart'),
    termEnd: optionalDate('councils.err.termEnd'),
  })
  .refine((m) => !m.termEnd || m.termEnd >= m.termStart, {
    path: ['termEnd'],
    message: 'councils.err.termOrder',
  });
export type MemberInput = z.infer<typeof memberInput>;

export const endMembershipInput = z.object({
  endedOn: requiredDate('councils.err.endedOn'),
  endReason: text(1000, 'councils.err.endReason'),
});

export const callInput = z
  .object({
    titleRu: text(300, 'councils.err.callTitle'),
    descriptionRu: optionalText(5000),
    opensOn: requiredDate('councils.err.opensOn'),
    closesOn: requiredDate('councils.err.closesOn'),
    places: intIn(1, 200, 'councils.err.places'),
    scaleMax: intIn(1, 100, 'councils.err.scaleMax'),
    referenceGroups: lines,
    documentsRequired: lines,
    criteria: z
      .array(
        z.object({ name: z.string().trim().max(300, 'councils.err.tooLong'), weight: z.string().trim() }),
      )
      .transform((rows) => rows.filter((r) => r.name || r.weight)),
  })
  .superRefine((c, ctx) => {
    if (c.closesOn < c.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'councils.err.closesOrder' });
    if (c.criteria.length === 0)
      ctx.addIssue({ code: 'custom', path: ['criterion1Name'], message: 'councils.err.criteria' });
    c.criteria.forEach((r, i) => {
      if (!r.name)
        ctx.addIssue({
          code: 'custom',
          path: [`criterion${i + 1}Name`],
          message: 'councils.err.criterionName',
        });
      if (!/^\d+$/.test(r.weight) || Number(r.weight) < 1 || Number(r.weight) > 100)
        ctx.addIssue({ code: 'custom', path: [`criterion${i + 1}Weight`], message: 'councils.err.weight' });
    });
  })
  .transform((c) => ({
    ...c,
    criteria: c.criteria.map((r) => ({ name: r.name, weight: Number(r.weight) })),
  }));
export type CallInput = z.infer<typeof callInput>;

/** The call form's numbered criterion rows → the `criteria` list the schema reads. */
export function foldCriteria(body: Record<string, unknown>): Record<string, unknown> {
  const criteria = Array.from({ length: CRITERIA_ROWS }, (_, i) => ({
    name: String(body[`criterion${i + 1}Name`] ?? ''),
    weight: String(body[`criterion${i + 1}Weight`] ?? ''),
  }));
  return { ...body, criteria };
}

export const applicationInput = z.object({
  fullName: text(200, 'councils.err.fullName'),
  referenceGroup: optionalText(300),
  expertise: text(300, 'councils.err.expertise'),
  motivation: text(5000, 'councils.err.motivation'),
  documents: lines,
  noConflict: checked.refine((v) => v, 'councils.err.noConflict'),
  poolConsent: checked,
});
export type ApplicationInput = z.infer<typeof applicationInput>;

export const checkApplicationInput = z.object({
  outcome: z.enum(['complete', 'incomplete'], { error: 'councils.err.outcome' }),
  checkNote: optionalText(1000),
});

/** An expert's scores of one candidate (criterion id → score, checked against the call's scale by the use case), or a declared conflict. */
export const scoreInput = z
  .object({
    conflict: checked,
    reason: optionalText(1000),
    scores: z.record(z.string(), z.string()),
  })
  .superRefine((v, ctx) => {
    if (v.conflict && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'councils.err.recusalReason' });
  });
export type ScoreInput = z.infer<typeof scoreInput>;

/** The score form's `score-<criterion id>` fields → the `scores` record. */
export function foldScores(body: Record<string, unknown>): Record<string, unknown> {
  const scores: Record<string, string> = {};
  for (const [k, v] of Object.entries(body))
    if (k.startsWith('score-') && typeof v === 'string') scores[k.slice(6)] = v;
  return { ...body, scores };
}

export const publishSelectionInput = z.object({
  decisionRu: text(5000, 'councils.err.decision'),
});

export const opinionRequestInput = z.object({
  poolMemberId: z.uuid({ error: 'councils.err.poolMember' }),
  question: text(5000, 'councils.err.question'),
});
export const opinionAnswerInput = z.object({ answer: text(10000, 'councils.err.answer') });

const agendaRow = z.object({
  title: z.string().trim().max(500, 'councils.err.tooLong'),
  linkKind: z.enum(linkKinds).catch('none'),
  linkUrl: optionalLink,
  linkTitle: optionalText(300),
});

export const meetingInput = z
  .object({
    date: requiredDate('councils.err.meetingDate'),
    time: z
      .string({ error: 'councils.err.meetingTime' })
      .trim()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'councils.err.meetingTime'),
    place: text(500, 'councils.err.place'),
    capacity: intIn(0, 10000, 'councils.err.capacity'),
    videoUrl: optionalLink,
    agenda: z.array(agendaRow).transform((rows) => rows.filter((r) => r.title)),
  })
  .superRefine((m, ctx) => {
    if (m.agenda.length === 0)
      ctx.addIssue({ code: 'custom', path: ['agenda1Title'], message: 'councils.err.agenda' });
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export function foldAgenda(body: Record<string, unknown>): Record<string, unknown> {
  const agenda = Array.from({ length: AGENDA_ROWS }, (_, i) => ({
    title: String(body[`agenda${i + 1}Title`] ?? ''),
    linkKind: String(body[`agenda${i + 1}LinkKind`] ?? 'none'),
    linkUrl: String(body[`agenda${i + 1}LinkUrl`] ?? ''),
    linkTitle: String(body[`agenda${i + 1}LinkTitle`] ?? ''),
  }));
  return { ...body, agenda };
}

export const registrationInput = z.object({
  kind: z.enum(attendeeKinds, { error: 'councils.err.attendeeKind' }),
});

export const protocolInput = z
  .object({
    protocolRu: text(50000, 'councils.err.protocol'),
    recordingUrl: optionalLink,
    decisions: z.array(
      z.object({
        text: z.string().trim().max(5000, 'councils.err.tooLong'),
        votes: z.array(z.object({ name: z.string(), vote: z.enum(votes).catch('absent') })),
      }),
    ),
  })
  .transform((p) => ({ ...p, decisions: p.decisions.filter((d) => d.text) }));
export type ProtocolInput = z.infer<typeof protocolInput>;

/** The protocol form's numbered decisions and each member's vote → the `decisions` list. */
export function foldProtocol(body: Record<string, unknown>, members: { id: string; fullName: string }[]) {
  const decisions = Array.from({ length: DECISION_ROWS }, (_, i) => ({
    text: String(body[`decision${i + 1}Text`] ?? ''),
    votes: members.map((m) => ({
      name: m.fullName,
      vote: String(body[`decision${i + 1}Vote-${m.id}`] ?? 'absent'),
    })),
  }));
  return { ...body, decisions };
}

export const decisionReportInput = z.object({ reportRu: text(5000, 'councils.err.report') });

export const conclusionInput = z.object({
  kind: z.enum(conclusionKinds, { error: 'councils.err.conclusionKind' }),
  subjectKind: z.enum(subjectKinds, { error: 'councils.err.subjectKind' }),
  subjectTitle: text(500, 'councils.err.subjectTitle'),
  subjectUrl: optionalLink,
  year: intIn(2000, 2100, 'councils.err.year'),
  textRu: text(50000, 'councils.err.conclusionText'),
});
export type ConclusionInput = z.infer<typeof conclusionInput>;

const questionScore = intIn(1, 5, 'councils.err.assessmentScore');
export const assessmentInput = z.object({
  year: intIn(2000, 2100, 'councils.err.year'),
  drafts_sent: questionScore,
  conclusions_considered: questionScore,
  information_given: questionScore,
  meetings_open: questionScore,
  decisions_reported: questionScore,
  comment: optionalText(5000),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;
