/**
 * The caseworker's item pages: the form adding or changing an item of a section (A to H2 and J, with the family's
 * own words offered in A), removing one, pulling advice's recommendations into the plan, and section K's advice
 * brought up to date.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { actorOf } from '../../../platform/web/app.ts';
import {
  arrayValue,
  formValues,
  parseForm,
  singleError,
  type FormErrors,
} from '../../../platform/web/forms.ts';
import { paths, withQuery } from '../../../platform/web/paths.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { familyWords } from '../../assessments/index.ts';
import {
  aspirationSchema,
  directPaymentSchema,
  needBSchema,
  needSchema,
  outcomeSchema,
  poundsToPence,
  PROVISION_FIELDS,
  provisionSchema,
} from '../forms.ts';
import {
  isProvisionSection,
  pullAllRecommendations,
  pullRecommendation,
  removeItem,
  saveItem,
  syncAdvice,
  type ItemInput,
} from '../items.ts';
import { editorView } from '../read.ts';
import { PlanError } from '../service.ts';
import {
  isEditable,
  itemFormValues,
  itemPageModel,
  type EditableSection,
  type ItemLinks,
} from '../view-models.ts';
import type { PlanRoutes } from './context.ts';

/** The item form sent back, read for its section: the item to save, or the errors to show. */
function readItemForm(
  section: EditableSection,
  body: unknown,
  selected: ItemLinks,
): { input: ItemInput | null; errors: FormErrors | undefined } {
  let input: ItemInput | null = null;
  let errors: FormErrors | undefined;
  const parse = <S extends z.ZodType>(schema: S, order: string[]) => {
    const r = parseForm(schema, body, order);
    if (!r.ok) errors = r.errors;
    return r.ok ? r.data : null;
  };
  if (section === 'A') {
    const d = parse(aspirationSchema, ['text', 'whose']);
    if (d) input = { section, text: d.text, whose: d.whose ?? null };
  } else if (section === 'B') {
    const d = parse(needBSchema, ['area', 'text']);
    if (d) input = { section, text: d.text, area: d.area };
  } else if (section === 'C' || section === 'D') {
    const d = parse(needSchema, ['text']);
    if (d) input = { section, text: d.text };
  } else if (section === 'E') {
    const d = parse(outcomeSchema, ['text', 'timescaleText', 'successMeasure', 'pfaArea', 'needIds']);
    if (d) {
      input = {
        section,
        text: d.text,
        timescaleText: d.timescaleText ?? null,
        successMeasure: d.successMeasure ?? null,
        pfaArea: d.pfaArea ?? null,
        needIds: selected.needIds,
      };
    }
  } else if (section === 'J') {
    const d = parse(directPaymentSchema, ['text', 'annualAmount']);
    if (d) {
      input = {
        section,
        text: d.text,
        annualAmountPence: poundsToPence(d.annualAmount),
        needIds: selected.needIds,
        outcomeIds: selected.outcomeIds,
        provisionIds: selected.provisionIds,
      };
    }
  } else {
    const d = parse(provisionSchema, PROVISION_FIELDS);
    if (d) {
      input = {
        section,
        text: d.text,
        amountValue: d.amountValue ?? null,
        amountUnit: d.amountUnit ?? null,
        frequencyTimes: d.frequencyTimes ?? null,
        frequencyPer: d.frequencyPer ?? null,
        delivererRole: d.delivererRole ?? null,
        delivererQualification: d.delivererQualification ?? null,
        groupingKind: d.groupingKind ?? null,
        groupingSize: d.groupingSize ?? null,
        where: d.where ?? null,
        oversight: d.oversight ?? null,
        review: d.review ?? null,
        sourceKind: d.sourceKind,
        sourceAdviceId: d.sourceAdviceId ?? null,
        sourceReason: d.sourceReason ?? null,
        needIds: selected.needIds,
        outcomeIds: selected.outcomeIds,
      };
    }
  }
  return { input, errors };
}

export function itemRoutes({ app, deps, db, run, planIdOf }: PlanRoutes): void {
  const renderItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    section: EditableSection,
    itemId: string | null,
    values: Record<string, string>,
    selected: ItemLinks,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    if (!view.canEdit) throw new NotFoundError();
    const provision = isProvisionSection(section);
    if (errors) reply.code(400);
    // Section A: the family's own words from the assessment (their request and their views), offered to use.
    const words =
      section === 'A' && view.record.case_id ? await familyWords(db, actor.laCode, view.record.case_id) : [];
    const use = Number(formValues(request.query).use);
    if (!itemId && !errors && !values.text && Number.isInteger(use) && words[use])
      values = { ...values, text: words[use].text };
    const form = { section, itemId, values, selected, errors, provision, words };
    return reply.view('plans/item.njk', itemPageModel(view, form));
  };

  app.get(paths.plans.newItemPattern, async (request, reply) => {
    const { section } = request.params as { section: string };
    if (!isEditable(section)) throw new NotFoundError();
    const defaults: Record<string, string> = isProvisionSection(section) ? { sourceKind: 'advice' } : {};
    return renderItem(request, reply, section, null, defaults, {
      needIds: [],
      outcomeIds: [],
      provisionIds: [],
    });
  });

  app.get(paths.plans.itemPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { itemId } = request.params as { itemId: string };
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    const item = view.items.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError();
    return renderItem(request, reply, item.section, item.id, itemFormValues(item), {
      needIds: item.need_ids as string[],
      outcomeIds: item.outcome_ids as string[],
      provisionIds: item.provision_ids as string[],
    });
  });

  const saveItemRoute = async (
    request: FastifyRequest,
    reply: FastifyReply,
    section: EditableSection,
    itemId: string | null,
  ) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const selected = {
      needIds: arrayValue(request.body, 'needIds'),
      outcomeIds: arrayValue(request.body, 'outcomeIds'),
      provisionIds: arrayValue(request.body, 'provisionIds'),
    };
    const values = formValues(request.body);
    const { input, errors } = readItemForm(section, request.body, selected);
    if (!input) return renderItem(request, reply, section, itemId, values, selected, errors);
    try {
      const id = await run(actor, (ctx) => saveItem(ctx, planId, itemId, input));
      return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: section })}#item-${id}`, 303);
    } catch (err) {
      if (err instanceof PlanError)
        return renderItem(
          request,
          reply,
          section,
          itemId,
          values,
          selected,
          singleError(err.field, err.message),
        );
      throw err;
    }
  };

  app.post(paths.plans.newItemPattern, async (request, reply) => {
    const { section } = request.params as { section: string };
    if (!isEditable(section)) throw new NotFoundError();
    return saveItemRoute(request, reply, section, null);
  });

  app.post(paths.plans.itemPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { itemId } = request.params as { itemId: string };
    const view = await editorView(db, actor, planIdOf(request), deps.service.today());
    const item = view.items.find((i) => i.id === itemId);
    if (!item) throw new NotFoundError();
    return saveItemRoute(request, reply, item.section, item.id);
  });

  app.post(paths.plans.removeItemPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { itemId } = request.params as { itemId: string };
    const planId = planIdOf(request);
    await run(actor, (ctx) => removeItem(ctx, planId, itemId));
    return reply.redirect(withQuery(paths.plans.plan(planId), { saved: 'removed' }), 303);
  });

  app.post(paths.plans.pullPattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    const values = formValues(request.body);
    // "Add all": every recommendation of one piece of advice (key "all"), or of every piece (adviceId "all").
    if (values.key === 'all') {
      await run(actor, (ctx) =>
        pullAllRecommendations(ctx, planId, values.adviceId === 'all' ? null : (values.adviceId ?? '')),
      );
      return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: 'pulled' })}#advice`, 303);
    }
    const id = await run(actor, (ctx) =>
      pullRecommendation(
        ctx,
        planId,
        values.adviceId ?? '',
        values.key ?? '',
        values.links === 'chosen'
          ? {
              needIds: arrayValue(request.body, 'needIds'),
              outcomeIds: arrayValue(request.body, 'outcomeIds'),
            }
          : undefined,
      ),
    );
    return reply.redirect(
      `${withQuery(paths.plans.plan(planId), { saved: 'pulled' })}${id ? `#item-${id}` : '#advice'}`,
      303,
    );
  });

  app.post(paths.plans.syncAdvicePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    await run(actor, (ctx) => syncAdvice(ctx, planId));
    return reply.redirect(`${withQuery(paths.plans.plan(planId), { saved: 'K' })}#section-K`, 303);
  });
}
