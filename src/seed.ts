import { seedDemoAccounts } from './modules/accounts/index.ts';
import { seedDemoAppeals, seedDemoObstruction } from './modules/appeals/index.ts';
import { seedDemoPublicAppeals } from './modules/appeals/public-side.ts';
import { registerCouncilSections, seedDemoCouncils } from './modules/councils/index.ts';
import { seedDemoExpertise } from './modules/drafts/expertise/index.ts';
import { registerDraftSections, seedDemoDrafts } from './modules/drafts/index.ts';
import { registerPracticeSection, seedDemoPractice } from './modules/drafts/practice/index.ts';
import { registerRatingSections, seedDemoMonitoring, seedMethodology } from './modules/monitoring/index.ts';
import { registerOpendataSections, seedDemoOpendata } from './modules/opendata/index.ts';
import { reindexOrgsIfChanged, seedOrganizations } from './modules/orgs/index.ts';
import {
  registerDiscussionSections,
  registerPollSections,
  seedDemoConsultations,
  seedDemoDiscussions,
  seedDemoGroups,
  seedDemoPolls,
} from './modules/participation/index.ts';
import { seedDemoPlans, seedPlanTemplate } from './modules/plans/index.ts';
import {
  registerPublicationSections,
  seedDemoPublications,
  seedDemoRegion,
} from './modules/publications/index.ts';
import type { Deps } from './platform/deps.ts';

/**
 * Fill an empty database: the region's organisations always, the demo
 * content and accounts when SEED=demo. Idempotent.
 */
export async function seed(deps: Deps): Promise<void> {
  deps.log.debug({ seed: deps.config.seed }, 'seed');
  // The region's organisations are reference data: seeded whatever SEED says; demo officials only with SEED=demo.
  const orgs = await seedOrganizations(deps, { demoOfficials: deps.config.seed === 'demo' });
  deps.log.info(orgs, 'organisations seeded');
  deps.log.info({ sections: await registerPublicationSections(deps) }, 'publication sections registered');
  deps.log.info({ sections: await registerPollSections(deps) }, 'poll sections registered');
  deps.log.info({ sections: await registerDraftSections(deps) }, 'rule-making sections registered');
  deps.log.info({ orgs: await registerPracticeSection(deps) }, 'practice sections registered');
  deps.log.info({ sections: await registerDiscussionSections(deps) }, 'discussion sections registered');
  deps.log.info({ sections: await registerOpendataSections(deps) }, 'open-data sections registered');
  deps.log.info({ orgs: await registerCouncilSections(deps) }, 'council sections registered');
  deps.log.info(await seedPlanTemplate(deps), "the project office's plan template seeded");
  deps.log.info(await seedMethodology(deps), 'the openness methodology seeded');
  deps.log.info({ orgs: await registerRatingSections(deps) }, 'rating sections registered');
  if (deps.config.seed === 'demo') {
    deps.log.info(await seedDemoAccounts(deps), 'demo accounts seeded');
    deps.log.info(await seedDemoPublications(deps), 'demo publications seeded');
    deps.log.info(await seedDemoRegion(deps), 'demo region: acts, documents, news, declarations seeded');
    deps.log.info(await seedDemoAppeals(deps), 'demo appeals settings');
    deps.log.info(await seedDemoPublicAppeals(deps), 'demo appeal figures');
    deps.log.info(await seedDemoObstruction(deps), 'demo complaints of obstructed public control');
    deps.log.info(await seedDemoPlans(deps), 'demo plans seeded');
    deps.log.info(await seedDemoDiscussions(deps), 'demo discussions seeded');
    deps.log.info(await seedDemoPolls(deps), 'demo polls and surveys');
    deps.log.info(await seedDemoConsultations(deps), 'demo consultations seeded');
    deps.log.info(await seedDemoGroups(deps), 'demo reference groups seeded');
    deps.log.info(await seedDemoPractice(deps), 'demo law-enforcement practice');
    deps.log.info(await seedDemoDrafts(deps), 'demo legislative plans and drafts seeded');
    deps.log.info(await seedDemoOpendata(deps), 'demo open data');
    deps.log.info(await seedDemoCouncils(deps), 'demo councils seeded');
    deps.log.info(await seedDemoExpertise(deps), 'demo register of anti-corruption experts');
    deps.log.info(await seedDemoMonitoring(deps), 'demo openness monitoring');
  }
  // last: the entries then match what every step above left (a rating section, a demo official)
  deps.log.info(await reindexOrgsIfChanged(deps), 'organisations indexed for search (when changed)');
}
