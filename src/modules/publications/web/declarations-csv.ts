import type { DeclarationRow } from '../publications.repository.ts';
import { declarationCells } from './declarations-page.tsx';

/** One CSV field (RFC 4180): quoted when it holds a separator, quote or line break; formulas neutralised. */
function field(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The year's table as CSV (UTF-8 with BOM so spreadsheet programs read the Cyrillic), in the page's order. */
export function csvOfDeclarations(rows: DeclarationRow[], t: (k: string) => string): string {
  const head = [
    'declarations.col.name',
    'declarations.col.position',
    'declarations.col.owned',
    'declarations.col.used',
    'declarations.col.vehicles',
    'declarations.col.income',
    'declarations.col.deals',
  ].map((k) => field(t(k)));
  const lines = rows.map((r) => {
    const c = declarationCells(r, t);
    return [
      c.person,
      c.position,
      c.owned.join('; '),
      c.used.join('; '),
      c.vehicles.join('; '),
      (r.declaredIncomeKopecks / 100).toFixed(2),
      c.deals.join('; '),
    ]
      .map(field)
      .join(',');
  });
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
