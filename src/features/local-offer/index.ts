/** The public surface of the Local Offer feature (docs/local-offer.md). */
import type { Feature } from '../../platform/feature.ts';
import type { RouteRoles } from '../../platform/web/permissions.ts';
import { localOfferApiRoutes } from './api.ts';
import { seedLocalOfferDemo } from './demo.ts';
import { JOB_TEMPLATES, localOfferJobs } from './jobs.ts';
import { localOfferRoutes } from './routes.ts';
import { EDIT_TEMPLATES } from './service.ts';

/**
 * Who may use each route (src/platform/web/permissions.ts): The Local Offer editor manages every entry and approves
 * changes; providers manage their own organisations' entries.
 */
const ROUTE_ROLES: RouteRoles = {
  '* /local-offer/manage/approvals/:editId': ['local-offer-editor'],
  '* /local-offer/manage/organisations/new': ['local-offer-editor'],
  '* /local-offer/manage/providers': ['local-offer-editor'],
  '* /local-offer/manage/you-said-we-did/:entryId': ['local-offer-editor'],
  '* /local-offer/manage/you-said-we-did/new': ['local-offer-editor'],
  'GET /local-offer/manage/approvals': ['local-offer-editor'],
  'GET /local-offer/manage/feedback': ['local-offer-editor'],
  'GET /local-offer/manage/links': ['local-offer-editor'],
  'GET /local-offer/manage/stale': ['local-offer-editor'],
  'GET /local-offer/manage/you-said-we-did': ['local-offer-editor'],
  'POST /local-offer/manage/feedback/:feedbackId': ['local-offer-editor'],
  'GET /local-offer/manage/services': ['local-offer-editor', 'local-offer-provider'],
  '* /local-offer/manage/services/new': ['local-offer-editor', 'local-offer-provider'],
  '* /local-offer/manage/services/:serviceId/edit': ['local-offer-editor', 'local-offer-provider'],
  'POST /local-offer/manage/services/:serviceId/confirm': ['local-offer-editor', 'local-offer-provider'],
};

export const localOfferFeature = {
  name: 'local-offer',
  roles: ROUTE_ROLES,
  routes: (app, deps) => {
    localOfferRoutes(app, deps);
    localOfferApiRoutes(app, deps);
  },
  jobs: localOfferJobs,
  templates: { ...EDIT_TEMPLATES, ...JOB_TEMPLATES },
  demo: seedLocalOfferDemo,
} satisfies Feature<'local-offer'>;

/** The editor's and the provider's home pages' data. */
export { editorHome, providerHome } from './home.ts';
/** The authority whose Local Offer this deployment publishes: the register's public pages are that authority's. */
export { publicAuthority } from './public.ts';

/** For the command line: how many services the database holds, and the search's query plans (the benchmark). */
export { explainSearch, serviceCount } from './store/samples.ts';
