// Every table of the platform, for drizzle's typed queries.
export * from '../../modules/accounts/accounts.tables.ts';
export * from '../../modules/appeals/appeals.tables.ts';
export * from '../../modules/orgs/orgs.tables.ts';
export * from '../../modules/publications/publications.tables.ts';
export * from '../audit/audit.tables.ts';
export * from '../files/files.tables.ts';
export * from '../mail/mail.tables.ts';
export * from '../search/search.tables.ts';
export * from './settings.tables.ts';
