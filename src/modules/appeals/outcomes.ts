/**
 * Outcomes the law and the federal reporting name: the ССТУ.РФ status of each
 * question of an appeal, the reasons 59-ФЗ art. 11 allows an appeal to be left
 * without an answer (each with the notice it requires), and the reasons
 * 8-ФЗ art. 20 allows an information request to be refused. Labels are in
 * staff.messages.ts under appeals.sstu.*, appeals.wa.* and appeals.refusal.*.
 */
import {
  infoRefusalReasons,
  mediaRefusalReasons,
  questionStatuses,
  withoutAnswerReasons,
} from './appeals.model.ts';

// The lists themselves live in appeals.model.ts with the rest of the appeal's vocabulary.
export { questionStatuses, withoutAnswerReasons };
/** 8-ФЗ art. 20: why an information request may be refused. */
export const refusalReasons = infoRefusalReasons;

export type QuestionStatus = (typeof questionStatuses)[number];

/** Only these count as «рассмотрено по существу»; the other closing statuses are outcomes of their own. */
export const onMeritsStatuses: readonly QuestionStatus[] = ['explained', 'supported', 'not_supported'];

/** Statuses a question can still change from (the appeal is being worked on). */
export const openQuestionStatuses: readonly QuestionStatus[] = ['in_review', 'extended'];

/** What staff may set as a question's result when answering. */
export const resultStatuses: readonly QuestionStatus[] = [
  'explained',
  'supported',
  'not_supported',
  'answered_to_author',
];

/** The ССТУ extra flags of a question's result. */
export const questionFlags = [
  'commission',
  'on_site',
  'with_author',
  'signed_by_head',
  'signed_by_deputy',
  'late',
  'on_control',
] as const;
export type QuestionFlag = (typeof questionFlags)[number];

/** The label of a status (with «меры приняты» for a supported question with measures taken). */
export function questionStatusKey(status: QuestionStatus, measuresTaken = false): string {
  return status === 'supported' && measuresTaken
    ? 'appeals.sstu.supported_measures'
    : `appeals.sstu.${status}`;
}

export type WithoutAnswerReason = (typeof withoutAnswerReasons)[number];

export type RefusalReason = (typeof refusalReasons)[number];

/** The notice a reason requires, and what the staff decision must carry. */
export type NoticeRule = {
  /** the law part, shown to staff and quoted in the notice */
  article: string;
  /** is a notice sent to the citizen? */
  notice: boolean;
  /** the notice must go within this many days of registration (null: with the decision); the appeal's noticeDueDate */
  withinDays: number | null;
  /** the notice is sent only when the author's name and address can be read */
  onlyIfAddressReadable?: boolean;
  /** the head decides (art. 11 ч.5: terminating the correspondence) */
  headDecision?: boolean;
  /** the notice carries a link to the published answer */
  needsLink?: boolean;
  /** a report of a crime is forwarded to law enforcement all the same */
  forwardIfCrime?: boolean;
};

export const withoutAnswerRules: Record<WithoutAnswerReason, NoticeRule> = {
  no_name_or_address: { article: '59-ФЗ ст. 11 ч. 1', notice: false, withinDays: null, forwardIfCrime: true },
  obscene_or_threats: { article: '59-ФЗ ст. 11 ч. 3', notice: true, withinDays: null },
  unreadable: { article: '59-ФЗ ст. 11 ч. 4', notice: true, withinDays: 7, onlyIfAddressReadable: true },
  essence_unclear: { article: '59-ФЗ ст. 11 ч. 4.1', notice: true, withinDays: 7 },
  repeated_no_new_args: { article: '59-ФЗ ст. 11 ч. 5', notice: true, withinDays: null, headDecision: true },
  answer_published_online: { article: '59-ФЗ ст. 11 ч. 5.1', notice: true, withinDays: 7, needsLink: true },
  state_secret: { article: '59-ФЗ ст. 11 ч. 6', notice: true, withinDays: null },
  // returned to the citizen with how the court decision is appealed
  court_decision: { article: '59-ФЗ ст. 11 ч. 2', notice: true, withinDays: 7 },
};

export const refusalRules: Record<RefusalReason, NoticeRule> = {
  unclear: { article: '8-ФЗ ст. 20 ч. 1 п. 1', notice: true, withinDays: null },
  no_address: { article: '8-ФЗ ст. 20 ч. 1 п. 2', notice: false, withinDays: null },
  not_our_info: { article: '8-ФЗ ст. 20 ч. 1 п. 3', notice: true, withinDays: null },
  restricted: { article: '8-ФЗ ст. 20 ч. 1 п. 4', notice: true, withinDays: null },
  already_provided: { article: '8-ФЗ ст. 20 ч. 1 п. 5', notice: true, withinDays: null },
  legal_assessment_requested: { article: '8-ФЗ ст. 20 ч. 1 п. 6', notice: true, withinDays: null },
};

export type MediaRefusalReason = (typeof mediaRefusalReasons)[number];

/** The law on mass media art. 40: a refusal within 3 days of receipt, only for a secret the law protects. */
export const mediaRefusalRules: Record<MediaRefusalReason, NoticeRule> = {
  state_secret: { article: 'Закон «О СМИ» ст. 40 (государственная тайна)', notice: true, withinDays: 3 },
  commercial_secret: { article: 'Закон «О СМИ» ст. 40 (коммерческая тайна)', notice: true, withinDays: 3 },
  other_protected_secret: {
    article: 'Закон «О СМИ» ст. 40 (иная охраняемая законом тайна)',
    notice: true,
    withinDays: 3,
  },
};

export function isMediaRefusalReason(v: unknown): v is MediaRefusalReason {
  return typeof v === 'string' && (mediaRefusalReasons as readonly string[]).includes(v);
}

export { mediaRefusalReasons };

export function isWithoutAnswerReason(v: unknown): v is WithoutAnswerReason {
  return typeof v === 'string' && (withoutAnswerReasons as readonly string[]).includes(v);
}

export function isRefusalReason(v: unknown): v is RefusalReason {
  return typeof v === 'string' && (refusalReasons as readonly string[]).includes(v);
}
