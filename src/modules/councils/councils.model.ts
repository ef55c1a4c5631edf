/** Kinds of body, in the order lists show them (concept 1, section V). */
export const councilKinds = [
  'expert_council',
  'government_commission',
  'project_office',
  'public_council',
  'working_group',
] as const;
export type CouncilKind = (typeof councilKinds)[number];

export const memberPositions = ['chair', 'deputy', 'secretary', 'member'] as const;
export type MemberPosition = (typeof memberPositions)[number];

export const applicationStatuses = [
  'submitted',
  'complete',
  'incomplete',
  'selected',
  'not_selected',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const attendeeKinds = ['citizen', 'media'] as const;
export type AttendeeKind = (typeof attendeeKinds)[number];

export const linkKinds = ['none', 'draft', 'plan', 'report', 'reference_group', 'document'] as const;
export type LinkKind = (typeof linkKinds)[number];

export const votes = ['for', 'against', 'abstained', 'absent'] as const;
export type Vote = (typeof votes)[number];

export const subjectKinds = ['draft', 'plan', 'programme', 'report'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const conclusionKinds = ['conclusion', 'co_report'] as const;
export type ConclusionKind = (typeof conclusionKinds)[number];

/**
 * The questionnaire of the independent assessment (task 1.5): how well the body
 * works with its council, each scored 1…5 by pool experts and by the council itself.
 */
export const assessmentQuestions = [
  'drafts_sent',
  'conclusions_considered',
  'information_given',
  'meetings_open',
  'decisions_reported',
] as const;
export type AssessmentQuestion = (typeof assessmentQuestions)[number];

/** Agenda items and decisions a meeting form carries (rows without JavaScript). */
export const AGENDA_ROWS = 5;
export const DECISION_ROWS = 3;
export const CRITERIA_ROWS = 5;
/** Fixed offset of the region (Europe/Kaliningrad has kept UTC+2 all year since 2014). */
export const REGION_OFFSET = '+02:00';
