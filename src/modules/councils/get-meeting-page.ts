import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import {
  type AgendaItemRow,
  type CouncilRow,
  type DecisionRow,
  type MeetingRow,
  type MemberRow,
  type RegistrationRow,
  councilsRepository as repo,
} from './councils.repository.ts';
import { isCurrent } from './get-council-page.ts';

export type MeetingPage = {
  meeting: MeetingRow;
  council: CouncilRow;
  agenda: AgendaItemRow[];
  decisions: DecisionRow[];
  registered: number;
  waiting: number;
  mine: RegistrationRow | undefined;
  /** the position on the waiting list, 1-based */
  waitingPlace: number | null;
  past: boolean;
};

/** A meeting as the public sees it: agenda, place, places left, video, protocol and decisions. */
export async function getMeetingPage(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  meetingId: string,
): Promise<MeetingPage> {
  const meeting = await repo.findMeeting(deps.db, meetingId);
  if (!meeting) throw new NotFound('council_meeting');
  const council = await repo.findCouncil(deps.db, meeting.councilId);
  if (!council) throw new NotFound('council');
  const [agenda, decisions, regs] = await Promise.all([
    repo.agendaOf(deps.db, meeting.id),
    repo.decisionsOfMeeting(deps.db, meeting.id),
    repo.registrationsOf(deps.db, meeting.id),
  ]);
  const mine = isSignedIn(actor)
    ? regs.find((r) => r.userId === actor.userId && r.status !== 'cancelled')
    : undefined;
  const waitingList = regs.filter((r) => r.status === 'waiting');
  return {
    meeting,
    council,
    agenda,
    decisions,
    registered: regs.filter((r) => r.status === 'registered').length,
    waiting: waitingList.length,
    mine,
    waitingPlace: mine?.status === 'waiting' ? waitingList.findIndex((r) => r.id === mine.id) + 1 : null,
    past: meeting.startsAt <= deps.clock.now(),
  };
}

/** The staff view of a meeting: the page plus the registrations and the current members who vote. */
export async function getMeetingForStaff(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  meetingId: string,
): Promise<MeetingPage & { registrations: RegistrationRow[]; members: MemberRow[] }> {
  const meeting = await repo.findMeeting(deps.db, meetingId);
  if (!meeting) throw new NotFound('council_meeting');
  await councilForStaff(deps.db, actor, meeting.councilId);
  const page = await getMeetingPage(deps, actor, meetingId);
  const day = toLocalDate(meeting.startsAt);
  const members = (await repo.membersOf(deps.db, meeting.councilId)).filter((m) => isCurrent(m, day));
  return { ...page, registrations: await repo.registrationsOf(deps.db, meeting.id), members };
}
