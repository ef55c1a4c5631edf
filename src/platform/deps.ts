import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from './db/client.ts';
import type { Jobs } from './jobs/index.ts';
import type { Mailer } from './mail/index.ts';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/** What use cases get explicitly: the worker, scripts and tests build the same object. */
export type Deps = {
  config: Config;
  db: Db;
  jobs: Jobs;
  mail: Mailer;
  clock: Clock;
  log: Logger;
};
