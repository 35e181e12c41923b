/**
 * A plan's versions and documents, for staff and for those it is shared with: the versions listed, two compared side
 * by side, and one version (or the working copy) as a page, a Word document or a PDF.
 */
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../../platform/web/app.ts';
import { formValues, singleError } from '../../../platform/web/forms.ts';
import { paths } from '../../../platform/web/paths.ts';
import { longDate } from '../../../domain/calendar.ts';
import { readableVersions } from '../access.ts';
import { documentFacts } from '../document-facts.ts';
import { planDocx, planPdf } from '../documents.ts';
import { currentSnapshot, getVersion, listVersions } from '../read.ts';
import type { Snapshot } from '../snapshot.ts';
import { comparisonModel, documentView, versionsModel } from '../view-models.ts';
import type { PlanRoutes } from './context.ts';

export function documentRoutes({ app, deps, db, planIdOf }: PlanRoutes): void {
  const sharedRoles: readonly string[] = ['parent', 'young-person', 'professional'];
  app.get(paths.plans.versionsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const record = await readableVersions(db, actor, planId);
    const versions = await listVersions(db, actor.laCode, planId);
    const backLink = sharedRoles.includes(actor.role)
      ? paths.plans.sharedPlan(planId)
      : paths.plans.plan(planId);
    const choice = { from: versions[1]?.id ?? '', to: versions[0]?.id ?? '', backLink };
    return reply.view('plans/versions.njk', versionsModel(record, versions, choice));
  });

  app.get(paths.plans.comparePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const { from = '', to = '' } = formValues(request.query);
    const record = await readableVersions(db, actor, planId);
    const versions = await listVersions(db, actor.laCode, planId);
    const known = (id: string) => versions.some((v) => v.id === id);
    const backLink = paths.plans.versions(planId);
    if (!known(from) || !known(to) || from === to) {
      const errors = singleError('from', 'Select two different versions to compare');
      return reply
        .code(400)
        .view('plans/versions.njk', { ...versionsModel(record, versions, { from, to, backLink }), errors });
    }
    const [a, b] = await Promise.all([
      getVersion(db, actor, planId, from),
      getVersion(db, actor, planId, to),
    ]);
    return reply.view('plans/compare.njk', { backLink, record, ...comparisonModel(a.version, b.version) });
  });

  const snapshotFor = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const { planId, versionId } = request.params as { planId: string; versionId: string };
    if (versionId === 'current') {
      const { snapshot, record } = await currentSnapshot(db, actor, planId, deps.service.today());
      return {
        snapshot,
        budget:
          (await deps.service.budgetForPlan?.(db, actor.laCode, record.child_id, deps.service.today())) ??
          null,
        label: 'working copy (not issued)',
        number: null as number | null,
        planId,
        facts: await documentFacts(db, record, null, deps.service.today()),
      };
    }
    const { version, record } = await getVersion(db, actor, planId, versionId);
    return {
      snapshot: version.snapshot,
      budget:
        (await deps.service.budgetForPlan?.(db, actor.laCode, record.child_id, version.issued_on)) ?? null,
      label: `version ${version.number}, ${version.kind}, issued ${longDate(version.issued_on)}`,
      number: version.number,
      planId,
      facts: await documentFacts(
        db,
        record,
        version,
        deps.service.today(),
        (await deps.service.nextReviewDue?.(db, actor.laCode, record.child_id, record.id)) ?? null,
      ),
    };
  };

  app.get(paths.plans.documentPattern, async (request, reply) => {
    const { snapshot, budget, label, planId, facts } = await snapshotFor(request);
    const { versionId } = request.params as { versionId: string };
    return reply.view('plans/document.njk', {
      pageTitle: `EHC plan for ${snapshot.child.fullName}`,
      backLink: versionId === 'current' ? paths.plans.plan(planId) : paths.plans.versions(planId),
      doc: documentView(snapshot, budget),
      facts,
      label,
      docx: paths.plans.document(planId, versionId, 'docx'),
      pdf: paths.plans.document(planId, versionId, 'pdf'),
    });
  });

  const fileName = (s: Snapshot, n: number | null, ext: string) =>
    `EHC-plan-${s.child.reference}${n ? `-v${n}` : '-working-copy'}.${ext}`;
  app.get(paths.plans.docxPattern, async (request, reply) => {
    const { snapshot, budget, number, facts } = await snapshotFor(request);
    const buffer = await planDocx(documentView(snapshot, budget), number, facts);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${fileName(snapshot, number, 'docx')}"`)
      .send(buffer);
  });
  app.get(paths.plans.pdfPattern, async (request, reply) => {
    const { snapshot, budget, number, facts } = await snapshotFor(request);
    const buffer = await planPdf(documentView(snapshot, budget), number, {}, facts);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(snapshot, number, 'pdf')}"`)
      .send(buffer);
  });
}
