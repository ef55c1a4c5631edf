import { z } from 'zod';

/*
 * The appeals module's enumerations and settings: the single TypeScript source
 * of the values the text columns of appeals.tables.ts hold.
 */

/**
 * appeal: 59-ФЗ; info_request: 8-ФЗ art. 18; corruption_report: task 7.4 (seen
 * only by the anti-corruption officer); media_request: an editorial office's
 * request under the law on mass media (Закон РФ № 2124-1 ст. 39–40; concept task 3.1).
 */
export const appealTypes = ['appeal', 'info_request', 'corruption_report', 'media_request'] as const;
export type AppealType = (typeof appealTypes)[number];

/** 59-ФЗ art. 4: предложение, заявление, жалоба. */
export const appealKinds = ['proposal', 'statement', 'complaint'] as const;
export type AppealKind = (typeof appealKinds)[number];

export const appealForms = ['electronic', 'written', 'oral'] as const;
export const appealMultiplicities = ['primary', 'repeated', 'multiple'] as const;

/**
 * law-ru.md §1 state machine: REGISTERED → {FORWARDED (closed) | IN_REVIEW} →
 * [EXTENDED] → ANSWER_SIGNED → SENT → CLOSED; any state → LEFT_WITHOUT_ANSWER.
 * (RECEIVED is not stored: an electronic appeal is registered in the same transaction.)
 */
export const appealStatuses = [
  'registered',
  'in_review',
  'forwarded',
  'extended',
  /** an officer's draft answer waits for the head or an authorised official to sign it (issue 10) */
  'awaiting_signature',
  'answer_signed',
  'sent',
  'closed',
  'left_without_answer',
  /** 59-ФЗ art. 8 ч.7: a complaint only the body complained about could consider, returned with the right to go to court */
  'returned',
  /** 59-ФЗ art. 5: the author withdrew it before the answer was sent; deadlines stop, no answer is due */
  'withdrawn',
] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/** Statuses in which the body still owes an answer. */
export const openStatuses: readonly AppealStatus[] = [
  'registered',
  'in_review',
  'extended',
  'awaiting_signature',
  'answer_signed',
];

/** Allowed moves of the state machine (any open state may also be left without answer). */
export const statusTransitions: Record<AppealStatus, readonly AppealStatus[]> = {
  registered: [
    'in_review',
    'forwarded',
    'extended',
    'awaiting_signature',
    'answer_signed',
    'left_without_answer',
    'returned',
    'withdrawn',
  ],
  in_review: [
    'forwarded',
    'extended',
    'awaiting_signature',
    'answer_signed',
    'left_without_answer',
    'returned',
    'withdrawn',
  ],
  extended: [
    'awaiting_signature',
    'answer_signed',
    'forwarded',
    'left_without_answer',
    'returned',
    'withdrawn',
  ],
  // an extension keeps the appeal awaiting signature (extend-appeal.ts)
  awaiting_signature: [
    'answer_signed',
    'extended',
    'forwarded',
    'left_without_answer',
    'returned',
    'withdrawn',
  ],
  answer_signed: ['sent', 'left_without_answer', 'withdrawn'],
  sent: ['closed'],
  forwarded: [],
  closed: [],
  left_without_answer: [],
  returned: [],
  withdrawn: [],
};

export function canMove(from: AppealStatus, to: AppealStatus): boolean {
  return statusTransitions[from].includes(to);
}

/**
 * Does the appeal carry a complaint (59-ФЗ art. 8 ч.6)? A complaint by kind, a
 * corruption report (it complains of an official's conduct), or any appeal
 * that names the body whose decision or action it complains about.
 */
export function carriesComplaint(a: {
  type: string;
  kind: string | null;
  complainedOrgId: string | null;
}): boolean {
  return a.kind === 'complaint' || a.type === 'corruption_report' || a.complainedOrgId !== null;
}

/**
 * Concept task 6.5: a complaint that an official obstructed public control
 * (212-ФЗ «Об основах общественного контроля в Российской Федерации»: the
 * subjects of public control may request information, visit the bodies and
 * send them the final document of a public-control event, which the body must
 * consider [verify the articles]). What the official did: refused or ignored a
 * request for information, did not let an inspection (visit) in, ignored the
 * final document, or something else the author describes.
 */
export const obstructionKinds = [
  'information_refused',
  'inspection_denied',
  'final_document_ignored',
  'other',
] as const;
export type ObstructionKind = (typeof obstructionKinds)[number];

/** The answering body's finding on such a complaint. */
export const obstructionFindings = ['confirmed', 'not_confirmed'] as const;
export type ObstructionFinding = (typeof obstructionFindings)[number];

/**
 * The measure taken towards the official when the obstruction is confirmed:
 * a disciplinary penalty (79-ФЗ ст. 57 for civil servants), none, or another
 * measure staff describe in words (never the official's name).
 */
export const obstructionMeasures = ['disciplinary', 'other', 'none'] as const;
export type ObstructionMeasure = (typeof obstructionMeasures)[number];

/** 59-ФЗ art. 11 reasons to leave an appeal without answer. */
export const withoutAnswerReasons = [
  'no_name_or_address',
  'obscene_or_threats',
  'unreadable',
  'essence_unclear',
  'repeated_no_new_args',
  'answer_published_online',
  'state_secret',
  'court_decision',
] as const;

/** 8-ФЗ art. 20 grounds to refuse an information request. */
export const infoRefusalReasons = [
  'unclear',
  'no_address',
  'not_our_info',
  'restricted',
  'already_provided',
  'legal_assessment_requested',
] as const;

/**
 * Закон РФ «О средствах массовой информации» ст. 40: the only ground to refuse
 * an editorial request — the information holds a secret the law protects.
 */
export const mediaRefusalReasons = ['state_secret', 'commercial_secret', 'other_protected_secret'] as const;

/** ССТУ statuses of one question. */
export const questionStatuses = [
  'not_received',
  'not_registered',
  'in_review',
  'explained',
  'supported',
  'not_supported',
  'forwarded',
  'answered_to_author',
  'left_without_answer',
  'extended',
] as const;
export type QuestionStatus = (typeof questionStatuses)[number];

/** Kinds of appeal_events rows. */
export const eventKinds = [
  'registered',
  'assigned',
  'forwarded',
  'copy_sent',
  'extended',
  'answer_drafted',
  'answer_signed',
  'answered',
  'left_without_answer',
  'returned',
  'notice',
  'topic_set',
  'status_changed',
  'rated',
  'staff_read',
  'reminder',
  /** the author withdrew the appeal */
  'withdrawn',
  /** the author disputed the answer: a complaint to the higher body (target_appeal_id) */
  'disputed',
  /** the author gave or withdrew consent to the public archive */
  'archive_consent',
  /** the anonymised appeal and answer were published in, or taken out of, the public archive */
  'archived',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** ТОТК code: section.theme.topic.question[.subquestion], 4 digits each. */
export const topicCodeRe = /^\d{4}\.\d{4}\.\d{4}\.\d{4}(\.\d{4})?$/;

/** settings row 'appeals.deadlines' (migration 0005 inserts the defaults). */
export const deadlineSettings = z.object({
  answerDays: z.number().int().positive().default(30),
  forwardDays: z.number().int().positive().default(7),
  extensionMaxDays: z.number().int().positive().default(30),
  extensionsAllowed: z.number().int().min(0).default(1),
  infoRequestAnswerDays: z.number().int().positive().default(30),
  infoRequestExtensionMaxDays: z.number().int().positive().default(15),
  infoRequestExtensionNoticeDays: z.number().int().positive().default(7),
  withoutAnswerNoticeDays: z.number().int().positive().default(7),
  nonWorkingDayRule: z.enum(['previous', 'next', 'none']).default('previous'),
  /**
   * A corruption report (task 7.4) is a citizen's appeal under 59-ФЗ, so its
   * answer (ст. 12 ч. 1) and extension (ст. 12 ч. 2) default to the appeal's 30
   * and 30 days; the body's anti-corruption officer extends it, as the head does
   * not see it. Settings of their own because a regional or departmental
   * procedure for the hotline may set shorter terms [verify].
   */
  corruptionReportAnswerDays: z.number().int().positive().default(30),
  corruptionReportExtensionMaxDays: z.number().int().positive().default(30),
  /**
   * A media request (law on mass media ст. 40): the answer within 7 days, a
   * notice of delay or refusal within 3 days of receipt. The law says days, not
   * working days, so calendar days by default; the unit is a setting.
   */
  mediaRequestAnswerDays: z.number().int().positive().default(7),
  mediaRequestNoticeDays: z.number().int().positive().default(3),
  mediaRequestDayUnit: z.enum(['calendar', 'working']).default('calendar'),
  remindWorkingDaysBefore: z.number().int().min(0).default(3),
});
export type DeadlineSettings = z.infer<typeof deadlineSettings>;

/** Which accounts may submit one type of appeal. */
export const typeIdentification = z.object({
  esiaLevels: z.array(z.enum(['simplified', 'standard', 'verified'])),
  allowEmailAccounts: z.boolean(),
});
export type TypeIdentification = z.infer<typeof typeIdentification>;

const esiaOnly: TypeIdentification = { esiaLevels: ['standard', 'verified'], allowEmailAccounts: false };
const emailToo: TypeIdentification = { esiaLevels: ['standard', 'verified'], allowEmailAccounts: true };

/**
 * settings row 'appeals.identification': which accounts may submit, per type.
 * 59-ФЗ as amended by 547-ФЗ (in force since 30 March 2025) counts only
 * electronic appeals from citizens identified through ЕСИА, so appeals and
 * corruption reports (appeals under 59-ФЗ) default to ЕСИА only. An 8-ФЗ
 * information request needs a name and a way to answer (8-ФЗ art. 18 ч.2),
 * not ЕСИА, so it defaults to allowing e-mail-confirmed accounts. The row of
 * the first release held one rule for all types ({esiaLevels, allowEmailAccounts}):
 * it is read as the rule for the 59-ФЗ types.
 */
export const identificationSettings = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return {};
    const r = raw as Record<string, unknown>;
    if (!('allowEmailAccounts' in r)) return r;
    const legacy = {
      esiaLevels: r.esiaLevels ?? esiaOnly.esiaLevels,
      allowEmailAccounts: r.allowEmailAccounts,
    };
    return { appeal: legacy, corruption_report: legacy };
  },
  z.object({
    appeal: typeIdentification.default(esiaOnly),
    info_request: typeIdentification.default(emailToo),
    corruption_report: typeIdentification.default(esiaOnly),
    // an editorial office's request is not a citizen's appeal: a confirmed e-mail is enough
    media_request: typeIdentification.default(emailToo),
  }),
);
export type IdentificationSettings = z.infer<typeof identificationSettings>;

export const DEADLINES_KEY = 'appeals.deadlines';
export const IDENTIFICATION_KEY = 'appeals.identification';
