/** The public surface of the Local Offer feature (docs/local-offer.md). */
import type { Feature } from '../../platform/feature.ts';
import { localOfferApiRoutes } from './api.ts';
import { seedLocalOfferDemo } from './demo.ts';
import { JOB_TEMPLATES, localOfferJobs } from './jobs.ts';
import { localOfferRoutes } from './routes.ts';
import { EDIT_TEMPLATES } from './service.ts';

export const localOfferFeature = {
  name: 'local-offer',
  routes: (app, deps) => {
    localOfferRoutes(app, deps);
    localOfferApiRoutes(app, deps);
  },
  jobs: localOfferJobs,
  templates: { ...EDIT_TEMPLATES, ...JOB_TEMPLATES },
  demo: seedLocalOfferDemo,
} satisfies Feature<'local-offer'>;

/** The editor's and the provider's home pages' data. */
export { editorHome, providerHome } from './service.ts';
