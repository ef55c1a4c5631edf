/*
 * The participation module (issue 12): what other modules import from it.
 * Each sub-area has its own folder and manifest (discussions/ here; polls/ and
 * consult/ join the same way) so src/modules/index.ts lists them side by side.
 */

export {
  type BulkComment,
  type BulkDiscussion,
  type BulkParticipant,
  copyDiscussions,
} from './discussions/copy-discussions.ts';
export { type ModerationMode, type Position, TOPIC } from './discussions/discussions.model.ts';
export type { DiscussionRow } from './discussions/discussions.repository.ts';
export type { DiscussionAnchor } from './discussions/discussions.tables.ts';
export { type DiscussionView, loadDiscussionView } from './discussions/get-discussion.ts';
export { discussionsModule } from './discussions/manifest.ts';
export {
  getDiscussionForObject,
  type OpenDiscussionInput,
  openDiscussion,
  setDiscussionPeriod,
} from './discussions/open-discussion.ts';
export { registerDiscussionSections } from './discussions/sections.ts';
export { DEMO_DISCUSSIONS, seedDemoDiscussions } from './discussions/seed-demo-discussions.ts';
export { sendModerationDigest } from './discussions/send-moderation-digest.ts';
export { DiscussionSection } from './discussions/web/discussion-section.tsx';

import type { Origin } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import type { SurveyQuestion } from './polls/polls.tables.ts';
import { saveSurvey } from './polls/save-survey.ts';
import type { SurveyResults } from './polls/survey-results.ts';

export { listPolls, pollResults } from './polls/get-poll.ts';
export { pollsModule } from './polls/index.ts';
export { registerPollSections, seedDemoPolls } from './polls/seed-demo-polls.ts';
export { type SurveyScaleFigure, surveyScaleFigures } from './polls/survey-results.ts';
export type { SurveyQuestion, SurveyResults };

/**
 * The survey engine for other modules (monitoring's citizens' satisfaction, issue 17):
 * a survey of a body with its questions, tagged by `purpose`; audited as any survey.
 */
export function createSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: {
    orgId: string;
    title: string;
    description?: string;
    questions: SurveyQuestion[];
    anonymous: boolean;
    opensOn: string;
    closesOn: string;
    purpose: string;
    published: boolean;
  },
): Promise<{ id: string }> {
  return saveSurvey(deps, origin, {
    survey: {
      orgId: input.orgId,
      title: input.title,
      description: input.description ?? '',
      anonymous: input.anonymous,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      published: input.published,
    },
    purpose: input.purpose,
    questions: input.questions,
  });
}

export { consultModule, seedDemoConsultations } from './consult/index.ts';
export { groupsModule, memberBodyIds, seedDemoGroups } from './groups/index.ts';
export { getParticipationFigures, type ParticipationFigures } from './participation-figures.ts';
