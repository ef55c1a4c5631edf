import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationById, markOrgSectionFilled } from '../orgs/index.ts';
import { nextStamp } from './format.ts';
import { parseStructure, type RegisterDatasetInput } from './opendata.input.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { type DatasetRow, opendataRepository as repo } from './opendata.repository.ts';
import { indexDataset } from './opendata.search.ts';

/** Split «a, b; c» into distinct keywords. */
export function keywordsOf(s: string): string[] {
  return [
    ...new Set(
      s
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ].slice(0, 30);
}

/**
 * Register a dataset (10.1): its passport and first structure. The identifier
 * must begin with the body's ИНН and a hyphen and be new in the register.
 */
export async function registerDataset(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: Omit<RegisterDatasetInput, 'referenceBook'> & {
    referenceBook?: boolean;
    source?: string;
    sourceOrgId?: string | null;
  },
): Promise<DatasetRow> {
  const org = await findOrganizationById(deps.db, input.org);
  if (!org) throw new InvalidInput([{ field: 'org', message: 'opendata.field.org.required' }]);
  authorize(opendataPolicy.canManage(origin.actor, org.id));
  if (!org.inn) throw new InvalidInput([{ field: 'identifier', message: 'opendata.field.identifier.noInn' }]);
  if (!input.identifier.startsWith(`${org.inn}-`))
    throw new InvalidInput([{ field: 'identifier', message: 'opendata.field.identifier.inn' }]);
  if (await repo.byIdentifier(deps.db, input.identifier))
    throw new InvalidInput([{ field: 'identifier', message: 'opendata.field.identifier.taken' }]);
  const structure = parseStructure(input.structure);
  if ('error' in structure) throw new InvalidInput([{ field: 'structure', message: structure.error }]);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertDataset(tx, {
      orgId: org.id,
      identifier: input.identifier,
      title: input.title,
      description: input.description,
      keywords: keywordsOf(input.keywords),
      topic: input.topic,
      frequency: input.frequency,
      publisherName: input.publisherName,
      publisherPhone: input.publisherPhone,
      publisherEmail: input.publisherEmail,
      license: input.license,
      source: input.source ?? 'upload',
      sourceOrgId: input.sourceOrgId ?? null,
      referenceBook: input.referenceBook ?? false,
      createdAt: now,
      modifiedAt: now,
    });
    await repo.insertStructure(tx, row.id, nextStamp(now, undefined), structure.columns);
    await markOrgSectionFilled(tx, org.id, 'open_data', now);
    await indexDataset(tx, row);
    await recordAction(tx, {
      ...origin,
      action: 'dataset.register',
      objectType: 'dataset',
      objectId: row.id,
      orgId: org.id,
      details: { identifier: row.identifier, source: row.source },
    });
    return row;
  });
}

/** The dataset a steward works on, refused to anyone else (404: the form names no body). */
export async function getDatasetForSteward(deps: Pick<Deps, 'db'>, origin: Origin, identifier: string) {
  const ds = await repo.byIdentifier(deps.db, identifier);
  if (!ds) throw new NotFound('dataset');
  authorize(opendataPolicy.canManage(origin.actor, ds.orgId));
  const [structures, versions] = await Promise.all([
    repo.structures(deps.db, ds.id),
    repo.versions(deps.db, ds.id),
  ]);
  return { dataset: ds, structures, versions };
}
