/**
 * The plan pages, registered here and held by use in ./routes/: editor.ts (the caseworker's list, starting a plan,
 * the editor, placement and budget), items.ts (the item forms, pulling advice in), issue.ts (sharing the draft,
 * issuing the final, the manager's override), comments.ts (the caseworker's answers to comments), shared.ts (the
 * family's and advisers' view of the shared plan and their comments) and documents.ts (versions compared, and the
 * documents as HTML, Word and PDF). Handlers are thin: parse, call the service, render; what a page shows is built
 * by ./view-models.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../platform/feature.ts';
import type { PlansService } from './service.ts';
import { commentRoutes } from './routes/comments.ts';
import { planRouteContext } from './routes/context.ts';
import { documentRoutes } from './routes/documents.ts';
import { editorRoutes } from './routes/editor.ts';
import { issueRoutes } from './routes/issue.ts';
import { itemRoutes } from './routes/items.ts';
import { sharedRoutes } from './routes/shared.ts';

export function planRoutes(app: FastifyInstance, deps: RouteDeps<PlansService>): void {
  const routes = planRouteContext(app, deps);
  editorRoutes(routes);
  itemRoutes(routes);
  issueRoutes(routes);
  commentRoutes(routes);
  sharedRoutes(routes);
  documentRoutes(routes);
}
