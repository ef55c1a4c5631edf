import { csvFile } from '../../../platform/files/csv.ts';
import type { DeclarationRow } from '../publications.repository.ts';
import { declarationCells } from './declarations-page.tsx';

/** The year's table as CSV, in the page's order. */
export function csvOfDeclarations(rows: DeclarationRow[], t: (k: string) => string): string {
  const head = [
    'declarations.col.name',
    'declarations.col.position',
    'declarations.col.owned',
    'declarations.col.used',
    'declarations.col.vehicles',
    'declarations.col.income',
    'declarations.col.deals',
  ].map((k) => t(k));
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
    ];
  });
  return csvFile([head, ...lines]);
}
