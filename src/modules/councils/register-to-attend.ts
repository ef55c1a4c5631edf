import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import type { AttendeeKind } from './councils.model.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/**
 * A citizen or a journalist registers to attend a meeting (task 1.3). Past the
 * limit of places they go on the waiting list and are told so plainly.
 */
export async function registerToAttend(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { meetingId: string; kind: AttendeeKind },
): Promise<{ status: 'registered' | 'waiting'; place: number }> {
  return deps.db.transaction(async (tx) => {
    const actor = origin.actor;
    if (!isSignedIn(actor)) throw new NotFound();
    // the lock serialises registrations of one meeting, so two people never take the last place
    const meeting = await repo.findMeeting(tx, input.meetingId, true);
    if (!meeting) throw new NotFound('council_meeting');
    if (meeting.startsAt <= deps.clock.now()) throw new Conflict('councils.err.meetingStarted');
    if (meeting.capacity === 0) throw new Conflict('councils.err.noAttendance');
    const all = await repo.registrationsOf(tx, meeting.id);
    const mine = all.find((r) => r.userId === actor.userId && r.status !== 'cancelled');
    if (mine) throw new Conflict('councils.err.alreadyRegistered');
    const taken = all.filter((r) => r.status === 'registered').length;
    const status = taken < meeting.capacity ? 'registered' : 'waiting';
    await repo.upsertRegistration(tx, {
      meetingId: meeting.id,
      userId: actor.userId,
      kind: input.kind,
      status,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'council_meeting.register',
      objectType: 'council_meeting',
      objectId: meeting.id,
      details: { status, kind: input.kind },
    });
    const place = status === 'registered' ? taken + 1 : all.filter((r) => r.status === 'waiting').length + 1;
    return { status, place };
  });
}
