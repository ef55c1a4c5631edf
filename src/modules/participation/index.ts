/**
 * Participation (issue 12): discussions, polls, consultations, chat and
 * reference groups. Each part has its own manifest; other modules import
 * only from here.
 */
export { consultModule, seedDemoConsultations } from './consult/index.ts';
export { groupsModule, memberBodyIds, seedDemoGroups } from './groups/index.ts';
