/**
 * The Local Offer's pages, registered by audience: the public directory with its feedback forms (public-routes.ts),
 * the pages providers and the editor use to keep entries current (provider-routes.ts), the editor's own pages
 * (manage-routes.ts), and adding a service or an organisation (new-service-routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/web/app.ts';
import { manageRoutes } from './manage-routes.ts';
import { newServiceRoutes } from './new-service-routes.ts';
import { providerRoutes } from './provider-routes.ts';
import { publicRoutes } from './public-routes.ts';

export function localOfferRoutes(app: FastifyInstance, deps: AppDeps): void {
  publicRoutes(app, deps);
  providerRoutes(app, deps);
  manageRoutes(app, deps);
  newServiceRoutes(app, deps);
}
