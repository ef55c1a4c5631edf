import type { Deps } from '../../platform/deps.ts';
import { InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { typedCell } from './files.ts';
import { opendataRepository as repo } from './opendata.repository.ts';

/** A page of the newest data version's rows, typed by its structure; filters are column = value. */
export async function getRows(
  deps: Pick<Deps, 'db'>,
  input: { identifier: string; limit: number; offset: number; filters: Record<string, string> },
) {
  const ds = await repo.byIdentifier(deps.db, input.identifier);
  if (!ds) throw new NotFound('dataset');
  const [version] = await repo.versions(deps.db, ds.id);
  if (!version) return { identifier: ds.identifier, version: null, fields: [], total: 0, records: [] };
  const structure = await repo.structureById(deps.db, version.structureId);
  if (!structure) throw new NotFound('structure');
  const cols = structure.columns;
  const filters = Object.entries(input.filters).map(([name, value]) => {
    const index = cols.findIndex((c) => c.name === name);
    if (index < 0) throw new InvalidInput([{ field: name, message: `Unknown column: ${name}` }]);
    return { index, value };
  });
  const page = await repo.rowsPage(deps.db, version.id, {
    limit: input.limit,
    offset: input.offset,
    filters,
  });
  return {
    identifier: ds.identifier,
    version: version.stamp.toISOString(),
    fields: cols.map((c) => ({ id: c.name, type: c.format, title: c.titleRu })),
    total: page.total ?? version.rowCount,
    limit: input.limit,
    offset: input.offset,
    records: page.rows.map((cells) =>
      Object.fromEntries(cols.map((c, i) => [c.name, typedCell(c, cells[i] ?? null)])),
    ),
  };
}
