import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import { formatDateTime } from '../../platform/calendar/format.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findUserContact } from '../accounts/index.ts';
import { councilsRepository as repo } from './councils.repository.ts';

/** Cancel one's registration; a freed place goes to the first on the waiting list, who is told by mail. */
export async function cancelRegistration(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { meetingId: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const actor = origin.actor;
    if (!isSignedIn(actor)) throw new NotFound();
    const meeting = await repo.findMeeting(tx, input.meetingId, true);
    if (!meeting) throw new NotFound('council_meeting');
    const all = await repo.registrationsOf(tx, meeting.id);
    const mine = all.find((r) => r.userId === actor.userId && r.status !== 'cancelled');
    if (!mine) throw new NotFound('council_registration');
    await repo.setRegistrationStatus(tx, mine.id, 'cancelled');
    const next = mine.status === 'registered' ? all.find((r) => r.status === 'waiting') : undefined;
    if (next) {
      await repo.setRegistrationStatus(tx, next.id, 'registered');
      const contact = await findUserContact(tx, next.userId);
      if (contact)
        await deps.mail.send(tx, {
          to: contact.email,
          kind: 'councils.place_freed',
          subject: 'Для вас освободилось место на заседании',
          text: `Вы были в листе ожидания, и для вас освободилось место на заседании ${formatDateTime(meeting.startsAt, 'ru')}.\n\n${deps.config.publicUrl}/councils/meetings/${meeting.id}`,
        });
    }
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'council_meeting.cancel_registration',
      objectType: 'council_meeting',
      objectId: meeting.id,
    });
  });
}
