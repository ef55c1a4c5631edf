import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import type { MeetingInput } from './councils.input.ts';
import { REGION_OFFSET } from './councils.model.ts';
import { type MeetingRow, councilsRepository as repo } from './councils.repository.ts';

/** The instant of a date and time typed in the region's time. */
export function regionInstant(date: string, time: string): Date {
  const [h = '0', m = '0'] = time.split(':');
  return new Date(`${date}T${h.padStart(2, '0')}:${m}:00${REGION_OFFSET}`);
}

/** Announce a meeting ahead with its agenda (items may link drafts, plans, reports), place, places and video (task 1.3). */
export async function announceMeeting(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { councilId: string; meeting: MeetingInput },
): Promise<MeetingRow> {
  return deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const { agenda, date, time, ...meeting } = input.meeting;
    const startsAt = regionInstant(date, time);
    if (startsAt <= deps.clock.now()) throw new Conflict('councils.err.meetingPast');
    const row = await repo.insertMeeting(tx, {
      ...meeting,
      startsAt,
      councilId: council.id,
      createdAt: deps.clock.now(),
    });
    await repo.insertAgenda(
      tx,
      agenda.map((a, i) => ({
        meetingId: row.id,
        position: i + 1,
        title: a.title,
        linkKind: a.linkUrl ? a.linkKind : 'none',
        linkUrl: a.linkUrl,
        linkTitle: a.linkUrl ? (a.linkTitle ?? a.linkUrl) : null,
      })),
    );
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_meeting.announce',
      objectType: 'council_meeting',
      objectId: row.id,
      orgId: council.orgId,
    });
    return row;
  });
}
