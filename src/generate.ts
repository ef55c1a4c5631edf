import { modules } from './modules/index.ts';
import type { Deps } from './platform/deps.ts';
import { type GenerateReport, Random, streamSeed } from './platform/generate/index.ts';

/**
 * Run every module's generator (the manifests' `generate` entries) in
 * dependency order: a module runs after the ones it names in `after`.
 * `npm run generate` (scripts/generate.ts) and tests that need a region's
 * shape of data call it on a seeded database.
 */
export async function generateAll(
  deps: Deps,
  opts: {
    scale: number;
    seed: number;
    until: Date;
    progress?: (message: string) => void;
    /** after each module: its report and seconds taken */
    done?: (module: string, report: GenerateReport, seconds: number) => void;
    /** only these modules (still in dependency order; the others count as run): a test of one generator */
    only?: readonly string[];
  },
): Promise<Record<string, GenerateReport>> {
  const only = opts.only;
  const pending = modules.filter((m) => m.generate && (!only || only.includes(m.name)));
  const ran = new Set<string>(only ? modules.map((m) => m.name).filter((n) => !only.includes(n)) : []);
  const reports: Record<string, GenerateReport> = {};
  while (pending.length > 0) {
    const i = pending.findIndex((m) => (m.generate?.after ?? []).every((a) => ran.has(a)));
    if (i < 0) throw new Error(`generators wait for each other: ${pending.map((m) => m.name).join(', ')}`);
    const [m] = pending.splice(i, 1);
    if (!m?.generate) continue;
    const t = performance.now();
    const report = await m.generate.run({
      deps,
      scale: opts.scale,
      seed: opts.seed,
      until: opts.until,
      random: (name) => new Random(streamSeed(opts.seed, name)),
      progress: opts.progress ?? (() => {}),
    });
    ran.add(m.name);
    reports[m.name] = report;
    opts.done?.(m.name, report, (performance.now() - t) / 1000);
  }
  return reports;
}
