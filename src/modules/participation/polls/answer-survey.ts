import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Conflict, NotFound, Unauthenticated } from '../../../platform/errors/index.ts';
import { type PeriodState, periodState, todayOf } from './poll-state.ts';
import { pollsPolicy } from './polls.policy.ts';
import { isUniqueViolation, pollsRepository as repo, type SurveyRow } from './polls.repository.ts';
import type { SurveyAnswers } from './survey-answers.ts';

/**
 * Answer an open survey once (task 8.5). The person is recorded in
 * `survey_participants` (its primary key refuses a second answer, also a
 * concurrent one); the answers go to `survey_responses` with the person only
 * when the survey is signed, and with the day only, so an anonymous answer
 * cannot be joined back to its participant row by time.
 */
export async function answerSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { surveyId: string; answers: SurveyAnswers },
): Promise<void> {
  const { actor } = origin;
  const survey = await repo.surveyById(deps.db, input.surveyId);
  if (!survey || !pollsPolicy.canSeeSurvey(actor, survey)) throw new NotFound('survey');
  if (!isSignedIn(actor)) throw new Unauthenticated();
  const today = todayOf(deps.clock);
  if (periodState(survey, today) !== 'open') throw new Conflict('surveys.answer.notOpen');
  await deps.db.transaction(async (tx) => {
    try {
      await repo.insertParticipant(tx, survey.id, actor.userId);
    } catch (e) {
      if (isUniqueViolation(e)) throw new Conflict('surveys.answer.already');
      throw e;
    }
    await repo.insertResponse(tx, {
      surveyId: survey.id,
      userId: survey.anonymous ? null : actor.userId,
      answers: input.answers,
      answeredOn: today,
    });
    // the log names the survey, not the person's answers; for an anonymous survey not the person either
    await recordAction(tx, {
      ...origin,
      actor: survey.anonymous ? { kind: 'anonymous' } : actor,
      action: 'survey.answer',
      objectType: 'survey',
      objectId: survey.id,
      orgId: survey.orgId,
    });
  });
}

export type SurveyView = { survey: SurveyRow; state: PeriodState; answered: boolean };

/** A published survey (a draft for its staff) and whether this person has answered it. */
export async function getSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<SurveyView> {
  const survey = await repo.surveyById(deps.db, id);
  if (!survey || !pollsPolicy.canSeeSurvey(actor, survey)) throw new NotFound('survey');
  const answered = isSignedIn(actor) ? await repo.hasAnswered(deps.db, survey.id, actor.userId) : false;
  return { survey, state: periodState(survey, todayOf(deps.clock)), answered };
}

/** Published surveys of the region or of one body, with each one's state today. */
export async function listSurveys(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: { orgId?: string },
): Promise<{ survey: SurveyRow; state: PeriodState }[]> {
  const today = todayOf(deps.clock);
  const rows = await repo.publishedSurveys(deps.db, opts);
  return rows.map((survey) => ({ survey, state: periodState(survey, today) }));
}
