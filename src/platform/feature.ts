/**
 * What a feature module is (docs/architecture.md, "How a feature plugs in"; docs/adr/0006-feature-modules.md).
 * Each feature's `index.ts` exports one `Feature` object and whatever functions and types other features may use:
 * nothing else of the feature is public. The composition root (`src/app/`) is the only code that knows every
 * feature: it builds their services with plain factories, then registers their routes, jobs, message templates and
 * demo data from one list. The platform defines the shape and imports no feature.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from './config.ts';
import type { DB } from './db/schema/index.ts';
import type { JobDeps, Jobs } from './jobs/jobs.ts';
import type { Notifier } from './notify/notify.ts';
import type { Template } from './notify/templates.ts';
import type { AppDeps } from './web/app.ts';
import type { RouteRoles } from './web/permissions.ts';

/** What a feature's service factory is given. Plain values and functions: no container. */
export interface ServiceDeps {
  readonly db: Kysely<DB>;
  readonly jobs: Jobs;
  readonly config: Config;
  readonly notifier: Notifier;
  /** Today in London ('YYYY-MM-DD'), as every date the law counts is reckoned. */
  readonly today: () => string;
  /** The time now (default the wall clock): the second factor's 30-second steps. Tests step it (test/helpers). */
  readonly now?: () => Date;
}

/** What a feature's routes are given: the platform's parts and the feature's own service. */
export type RouteDeps<Service> = AppDeps & { readonly service: Service };

/** What a feature's demo seeder is given, inside the one transaction that creates the demo authority. */
export interface DemoSeedOptions {
  readonly laCode: string;
  /** The day the demo is built as of ('YYYY-MM-DD'): today in London for the service, a fixed date in tests. */
  readonly today: string;
  /** How many Local Offer services to list (the national data set's larger authorities); the feature's default if unset. */
  readonly localOfferServices?: number;
}

export interface Feature<Name extends string = string, Service = undefined> {
  /** The feature's folder name under src/features, and its key in the composition root's `Services`. */
  readonly name: Name;
  /**
   * Builds the feature's service. A feature that uses others' services says so in its factory's second parameter,
   * and the composition root passes them; the feature never builds another feature's service itself.
   */
  readonly createService?: (deps: ServiceDeps, others: never) => Service;
  /**
   * Which roles may use the feature's routes, by `METHOD /pattern` (`*` for every method): any other signed-in role
   * is refused 403 before the handler runs (src/platform/web/permissions.ts). Routes not listed are open to every
   * signed-in role, and check each record in their service.
   */
  readonly roles?: RouteRoles;
  /** Registers the feature's pages and API. */
  readonly routes?: (app: FastifyInstance, deps: RouteDeps<Service>) => void | Promise<void>;
  /** Registers the feature's job handlers and schedules (before jobs start). */
  readonly jobs?: (deps: JobDeps) => void;
  /** The feature's messages, registered by the composition root (never as a side effect of importing a module). */
  readonly templates?: Readonly<Record<string, Template>>;
  /** Adds the feature's demo data to the demo authority (in the order of the feature list). */
  readonly demo?: (trx: Transaction<DB>, options: DemoSeedOptions) => Promise<unknown>;
  /**
   * Runs after every feature's `demo`, for what other features' demo seeders change in this feature's records (the
   * plans' "last changed", which the amendments and reviews seeders move on when they change a plan).
   */
  readonly demoAfter?: (trx: Transaction<DB>, options: DemoSeedOptions) => Promise<unknown>;
}
