import type { PackageDict } from './ckan-dicts.ts';

/*
 * package_search over the catalogue: the part of Solr's query language CKAN's
 * harvesters send (../shared/opendata-ru-3.0.md, «fq subset»): field:value
 * clauses on organization, tags, groups, name, res_format and license_id,
 * negation with «-», OR between clauses, AND (or nothing) between groups,
 * metadata_modified/metadata_created ranges [A TO B] with * for open ends, and
 * free words matched against the title, description, tags and name.
 */

export class SearchQueryError extends Error {}

type Clause =
  | { kind: 'field'; field: string; value: string; negate: boolean }
  | { kind: 'range'; field: string; from: string | null; to: string | null; negate: boolean }
  | { kind: 'text'; value: string; negate: boolean };

const FIELDS = new Set([
  'organization',
  'owner_org',
  'tags',
  'groups',
  'name',
  'id',
  'res_format',
  'license_id',
  'metadata_modified',
  'metadata_created',
]);

/** Split a query into tokens, keeping [a TO b] ranges and "quoted phrases" whole. */
function tokens(q: string): string[] {
  const out: string[] = [];
  const re = /\s*([+-]?[\w.]+:\[[^\]]*\]|[+-]?[\w.]+:"[^"]*"|"[^"]*"|\(|\)|[^\s()]+)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual exec loop
  while ((m = re.exec(q)) !== null) {
    out.push(m[1] as string);
    last = re.lastIndex;
  }
  if (q.slice(last).trim() !== '') throw new SearchQueryError(`Cannot parse query: ${q}`);
  if (out.some((t) => t.includes('[') !== t.includes(']')))
    throw new SearchQueryError(`Cannot parse query: ${q}`);
  return out;
}

const unquote = (s: string) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

function clauseOf(token: string): Clause {
  let t = token;
  let negate = false;
  if (t.startsWith('-')) {
    negate = true;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  const m = /^([\w.]+):(.*)$/.exec(t);
  if (m && FIELDS.has(m[1] as string)) {
    const field = m[1] as string;
    const value = m[2] as string;
    const range = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/.exec(value);
    if (range) {
      const end = (s: string) => (s === '*' ? null : s.replace(/Z$/, ''));
      return { kind: 'range', field, from: end(range[1] as string), to: end(range[2] as string), negate };
    }
    if (value.startsWith('[')) throw new SearchQueryError(`Bad range: ${value}`);
    return { kind: 'field', field, value: unquote(value), negate };
  }
  if (m && !FIELDS.has(m[1] as string) && m[1] !== 'text')
    throw new SearchQueryError(`Unknown field: ${m[1]}`);
  return { kind: 'text', value: unquote(m ? (m[2] as string) : t).toLowerCase(), negate };
}

/** The query as groups of clauses: every group must match, a clause of a group is enough (OR). */
export function parseQuery(q: string): Clause[][] {
  const toks = tokens(q).filter((t) => t !== '(' && t !== ')');
  const groups: Clause[][] = [];
  let pendingOr = false;
  for (const t of toks) {
    if (t === 'AND' || t === '&&') continue;
    if (t === 'OR' || t === '||') {
      if (groups.length === 0) throw new SearchQueryError('OR without a left side');
      pendingOr = true;
      continue;
    }
    if (t === '*:*') continue;
    const c = clauseOf(t);
    if (pendingOr) (groups[groups.length - 1] as Clause[]).push(c);
    else groups.push([c]);
    pendingOr = false;
  }
  return groups;
}

function fieldValues(p: PackageDict, field: string): string[] {
  switch (field) {
    case 'organization':
      return [p.organization.name];
    case 'owner_org':
      return [p.owner_org];
    case 'tags':
      return p.tags.map((t) => t.name);
    case 'groups':
      return p.groups.map((g) => g.name);
    case 'name':
      return [p.name];
    case 'id':
      return [p.id];
    case 'res_format':
      return [...new Set(p.resources.map((r) => r.format))];
    case 'license_id':
      return [p.license_id];
    default:
      return [];
  }
}

function matches(p: PackageDict, c: Clause): boolean {
  let hit: boolean;
  if (c.kind === 'text') {
    const hay = [p.title, p.notes, p.name, ...p.tags.map((t) => t.name)].join(' ').toLowerCase();
    hit = c.value === '*' || hay.includes(c.value);
  } else if (c.kind === 'range') {
    const v = c.field === 'metadata_created' ? p.metadata_created : p.metadata_modified;
    hit = (c.from === null || v >= c.from) && (c.to === null || v <= c.to);
  } else hit = c.value === '*' ? true : fieldValues(p, c.field).includes(c.value);
  return c.negate ? !hit : hit;
}

export function filterPackages(all: PackageDict[], queries: string[]): PackageDict[] {
  const groups = queries.flatMap(parseQuery);
  return all.filter((p) => groups.every((g) => g.some((c) => matches(p, c))));
}

const SORTABLE = new Set(['name', 'title', 'metadata_modified', 'metadata_created', 'id', 'score']);

/** Sort by «field dir, field dir» (score counts as equal: no ranking here). */
export function sortPackages(list: PackageDict[], sort: string): PackageDict[] {
  const keys = sort.split(',').map((s) => {
    const [field = '', dir = 'asc'] = s.trim().split(/\s+/);
    if (!SORTABLE.has(field) || (dir !== 'asc' && dir !== 'desc'))
      throw new SearchQueryError(`Bad sort: ${s.trim()}`);
    return { field, sign: dir === 'desc' ? -1 : 1 };
  });
  return [...list].sort((a, b) => {
    for (const k of keys) {
      if (k.field === 'score') continue;
      const x = String(a[k.field as keyof PackageDict]);
      const y = String(b[k.field as keyof PackageDict]);
      if (x !== y) return (x < y ? -1 : 1) * k.sign;
    }
    return 0;
  });
}

const FACETABLE = new Set(['organization', 'tags', 'groups', 'res_format', 'license_id']);

export function facetsOf(list: PackageDict[], fields: string[], limit: number, mincount: number) {
  const facets: Record<string, Record<string, number>> = {};
  const search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  > = {};
  for (const f of fields) {
    if (!FACETABLE.has(f)) continue;
    const counts = new Map<string, number>();
    for (const p of list) for (const v of fieldValues(p, f)) counts.set(v, (counts.get(v) ?? 0) + 1);
    const items = [...counts.entries()]
      .filter(([, n]) => n >= mincount)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit < 0 ? undefined : limit);
    facets[f] = Object.fromEntries(items);
    const display = (v: string) =>
      f === 'organization'
        ? (list.find((p) => p.organization.name === v)?.organization.title ?? v)
        : f === 'groups'
          ? (list.flatMap((p) => p.groups).find((g) => g.name === v)?.title ?? v)
          : v;
    search_facets[f] = {
      title: f,
      items: items.map(([name, count]) => ({ name, display_name: display(name), count })),
    };
  }
  return { facets, search_facets };
}
