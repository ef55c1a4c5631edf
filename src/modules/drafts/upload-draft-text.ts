import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import {
  checkUploads,
  cleanFileName,
  storeUploads,
  type UploadedFile,
  type UploadRules,
} from '../../platform/files/index.ts';
import { escapeMarkup } from '../../platform/ui/escape.ts';
import { sanitizeRichText } from '../publications/index.ts';
import { draftForStaff, userIdOf } from './draft-access.ts';
import type { DraftTextInput } from './drafts.input.ts';
import { draftsRepository as repo } from './drafts.repository.ts';
import { blocksOfHtml, blocksOfText, splitUnits, type TextUnit } from './text-units.ts';

export const DRAFT_FILE_RULES: UploadRules = { kinds: ['docx'], maxBytes: 10 * 1024 * 1024, maxFiles: 1 };

/** The HTML of a DOCX, or a form error when it cannot be read (never a half-made version). */
async function htmlOfDocx(file: UploadedFile): Promise<string> {
  // loaded when first needed, not at every start
  const { default: mammoth } = await import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: file.data });
    return value;
  } catch {
    throw new InvalidInput([{ field: 'file', message: 'drafts.file.unreadable' }]);
  }
}

/**
 * A new version of a draft's text, from a DOCX (converted keeping paragraphs,
 * headings and lists) or typed in, split into its structural units. The
 * version, its units and the stored file are written in one transaction: a
 * file that cannot be read or holds no text leaves nothing behind.
 */
export async function uploadDraftText(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  origin: Origin,
  input: { draftId: string; text: DraftTextInput; files: UploadedFile[] },
): Promise<{ version: number; units: number }> {
  const file = input.files[0];
  if (!file && !input.text.text) throw new InvalidInput([{ field: 'file', message: 'drafts.text.required' }]);
  if (file) {
    const errors = await checkUploads('file', input.files, DRAFT_FILE_RULES);
    if (errors.length) throw new InvalidInput(errors);
  }
  // converted before the transaction: parsing takes time and needs no lock
  const html = file ? sanitizeRichText(await htmlOfDocx(file)) : null;
  const units: TextUnit[] = html
    ? splitUnits(blocksOfHtml(html))
    : splitUnits(blocksOfText(input.text.text ?? ''));
  if (units.length === 0)
    throw new InvalidInput([{ field: file ? 'file' : 'text', message: 'drafts.text.empty' }]);
  return deps.db.transaction(async (tx) => {
    const { draft, org } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.outcome || draft.stage === 'decision') throw new Conflict('drafts.text.closed');
    const by = userIdOf(origin);
    const [stored] = file ? await storeUploads(deps, tx, 'file', [file], DRAFT_FILE_RULES, by) : [];
    const version = draft.textVersion + 1;
    await repo.insertVersion(tx, {
      draftId: draft.id,
      version,
      html: html ?? units.map((u) => `<p>${escapeMarkup(u.text)}</p>`).join(''),
      fileId: stored?.id ?? null,
      fileName: stored && file ? cleanFileName(file.filename) : null,
      note: input.text.note,
      createdBy: by,
      createdAt: deps.clock.now(),
    });
    await repo.insertUnits(
      tx,
      units.map((u) => ({ draftId: draft.id, version, ...u })),
    );
    await repo.updateDraft(tx, draft.id, { textVersion: version, updatedAt: deps.clock.now() });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.text',
      objectType: 'draft_regulation',
      objectId: draft.id,
      orgId: org.id,
      details: { version, units: units.length, from: file ? 'docx' : 'text' },
    });
    return { version, units: units.length };
  });
}
