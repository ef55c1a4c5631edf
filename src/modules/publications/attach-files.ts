import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { storeUploads, type UploadedFile, type UploadRules } from '../../platform/files/index.ts';
import { orgBySlug } from './find-org.ts';
import { canPublish } from './publications.policy.ts';
import { type AttachmentRow, publicationsRepository as repo } from './publications.repository.ts';
import { userIdOf } from './publish-media-item.ts';
import { saveNewVersion } from './versioning.ts';

/** Attachments of documents: office formats, checked by content. */
export const ATTACHMENT_RULES: UploadRules = {
  kinds: ['pdf', 'docx', 'xlsx', 'odt'],
  maxBytes: 20 * 1024 * 1024,
  maxFiles: 10,
};

/** The queue of text extraction (PDF, DOCX) for search. */
export const EXTRACT_QUEUE = 'publications.extract-text';
/** Where an extraction goes when its attempts are spent (extractionAbandoned records it). */
export const EXTRACT_ABANDONED_QUEUE = 'publications.extract-text.abandoned';
/**
 * A bad file fails once without throwing, so a retry means the attempt never
 * finished: its process was killed (a parser that took the machine's memory, a
 * restart). Three more tries with back-off, each given 5 minutes (the parser's
 * own deadline is 60 s), then the attachment is marked failed.
 */
const EXTRACT_JOB = { retryLimit: 3, expireInSeconds: 300, deadLetter: EXTRACT_ABANDONED_QUEUE };
const EXTRACTABLE = new Set(['pdf', 'docx']);

/**
 * Attach files to a document: stored by content, a new version of the
 * document (the log commits to each file's SHA-256), text extraction queued.
 */
export async function attachFiles(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'jobs'>,
  origin: Origin,
  input: { slug: string; id: string; files: UploadedFile[] },
): Promise<AttachmentRow[]> {
  return deps.db.transaction(async (tx) => {
    const org = await orgBySlug(tx, input.slug);
    authorize(canPublish(origin.actor, org));
    const doc = await repo.findById(tx, input.id);
    if (!doc || doc.orgId !== org.id || doc.kind !== 'document') throw new NotFound('publication');
    const stored = await storeUploads(deps, tx, 'files', input.files, ATTACHMENT_RULES, userIdOf(origin));
    const out: AttachmentRow[] = [];
    for (const f of stored) {
      const a = await repo.insertAttachment(tx, {
        publicationId: doc.id,
        fileId: f.id,
        name: f.originalName,
        ext: f.ext,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
        textStatus: EXTRACTABLE.has(f.ext) ? 'pending' : 'unsupported',
      });
      if (EXTRACTABLE.has(f.ext))
        await deps.jobs.enqueue(tx, EXTRACT_QUEUE, { attachmentId: a.id }, EXTRACT_JOB);
      out.push(a);
    }
    const now = deps.clock.now();
    const after = await saveNewVersion(tx, doc.id, {}, now, userIdOf(origin));
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'publication.attach',
      objectType: 'publication',
      objectId: doc.id,
      orgId: org.id,
      details: { files: out.length, version: after.version },
    });
    return out;
  });
}
