import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, NotFound } from '../../platform/errors/index.ts';
import { councilForStaff } from './council-access.ts';
import type { ProtocolInput } from './councils.input.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/** Publish a held meeting's protocol, its recording and its decisions with who voted how (task 1.3). */
export async function publishProtocol(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { meetingId: string; protocol: ProtocolInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const meeting = await repo.findMeeting(tx, input.meetingId, true);
    if (!meeting) throw new NotFound('council_meeting');
    const council = await councilForStaff(tx, origin.actor, meeting.councilId);
    if (meeting.protocolPublishedAt) throw new Conflict('councils.err.protocolPublished');
    if (meeting.startsAt > deps.clock.now()) throw new Conflict('councils.err.meetingNotHeld');
    const p = input.protocol;
    await repo.publishProtocol(tx, meeting.id, p.protocolRu, p.recordingUrl, deps.clock.now());
    await repo.insertDecisions(
      tx,
      p.decisions.map((d, i) => ({
        councilId: council.id,
        meetingId: meeting.id,
        position: i + 1,
        textRu: d.text,
        votes: d.votes,
      })),
    );
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_meeting.protocol',
      objectType: 'council_meeting',
      objectId: meeting.id,
      orgId: council.orgId,
      details: { decisions: p.decisions.length },
    });
  });
}
