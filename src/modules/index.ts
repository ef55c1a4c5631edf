import { accountsModule } from './accounts/index.ts';
import { appealsModule } from './appeals/index.ts';
import { appealsPublicModule } from './appeals/public-side.ts';
import { councilsModule } from './councils/index.ts';
import { expertiseModule } from './drafts/expertise/index.ts';
import { draftsModule } from './drafts/index.ts';
import { practiceModule } from './drafts/practice/index.ts';
import type { ModuleManifest } from './manifest.ts';
import { monitoringModule } from './monitoring/index.ts';
import { opendataModule } from './opendata/index.ts';
import { orgsModule } from './orgs/index.ts';
import { consultModule, discussionsModule, groupsModule, pollsModule } from './participation/index.ts';
import { plansModule } from './plans/index.ts';
import { publicationsModule } from './publications/index.ts';
import { searchModule } from './search/index.ts';

/** Every feature module, in load order. */
export const modules: ModuleManifest[] = [
  accountsModule,
  orgsModule,
  publicationsModule,
  appealsModule,
  appealsPublicModule,
  plansModule,
  discussionsModule,
  pollsModule,
  consultModule,
  groupsModule,
  draftsModule,
  practiceModule,
  opendataModule,
  expertiseModule,
  councilsModule,
  monitoringModule,
  searchModule,
];
