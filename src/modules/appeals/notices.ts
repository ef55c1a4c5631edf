import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { translator } from '../../platform/i18n/index.ts';
import type { AppealRow } from './appeals.repository.ts';
import './staff.messages.ts';

/** Notices to citizens and staff are in Russian, the language of the proceedings. */
export const tRu = translator('ru');

/** Queue a notice to the author in the caller's transaction; null when there is no e-mail to send it to. */
export async function noticeToAuthor(
  deps: Pick<Deps, 'mail' | 'config'>,
  tx: DbOrTx,
  a: AppealRow,
  subject: string,
  body: string,
  kind: string,
): Promise<string | null> {
  if (!a.email) return null;
  const name = [a.firstName, a.patronymic].filter(Boolean).join(' ');
  const link = `${deps.config.publicUrl}/cabinet/appeals/${encodeURIComponent(a.number)}`;
  const text = `${tRu('appeals.staff.mail.greeting', { name })}\n\n${body}\n\n${tRu('appeals.staff.mail.status', { link })}\n`;
  return deps.mail.send(tx, { to: a.email, subject, text, kind });
}
