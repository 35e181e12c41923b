/**
 * The one mechanism against double submits (migration 0009). A form that changes something carries a one-use token
 * (`newFormToken()`, a hidden field named `formToken`); the change runs inside `once(ctx, token, fn)`, which records
 * the token in `form_submission` in the same transaction. A second submission of the same form finds the token,
 * runs nothing and gets back what the first one made, so the page can answer as it did the first time. Two
 * submissions at the same moment are settled by the table's key: the second waits for the first to commit.
 */
import { randomUUID } from 'node:crypto';
import { isUuid } from '../access/access.ts';
import { FieldError } from '../web/forms.ts';
import type { ChangeContext } from './change.ts';

/** A token for a form about to be drawn. */
export function newFormToken(): string {
  return randomUUID();
}

export type OnceResult =
  | { readonly repeated: false; readonly resultId: string }
  | {
      readonly repeated: true;
      /** What the first submission made (null if it made nothing to point at, or another user sent the token). */
      readonly resultId: string | null;
    };

/**
 * Runs `fn` the first time a form token is used; returns what it made (an id to redirect to, or '' for nothing).
 * A missing or malformed token is the form's error (the page was not drawn by this service), never a silent repeat.
 * `ctx` is a change's context, or (for a public form with nobody signed in) the transaction and an authority with
 * no user: the token then guards the anonymous form the same way.
 */
export async function once(
  ctx: Pick<ChangeContext, 'trx'> & {
    readonly actor: { readonly laCode: string; readonly userId: string | null };
  },
  token: string | undefined,
  fn: () => Promise<string>,
): Promise<OnceResult> {
  if (!token || !isUuid(token)) {
    throw new FieldError('formToken', 'This form has expired. Go back, reload the page and try again.');
  }
  const { laCode, userId } = ctx.actor;
  const claimed = await ctx.trx
    .insertInto('form_submission')
    .values({ la_code: laCode, token, user_id: userId })
    .onConflict((oc) => oc.columns(['la_code', 'token']).doNothing())
    .returning('token')
    .executeTakeFirst();
  if (!claimed) {
    const first = await ctx.trx
      .selectFrom('form_submission')
      .select(['user_id', 'result_id'])
      .where('la_code', '=', laCode)
      .where('token', '=', token)
      .executeTakeFirstOrThrow();
    return { repeated: true, resultId: first.user_id === userId ? first.result_id : null };
  }
  const resultId = await fn();
  await ctx.trx
    .updateTable('form_submission')
    .set({ result_id: resultId || null })
    .where('la_code', '=', laCode)
    .where('token', '=', token)
    .execute();
  return { repeated: false, resultId };
}
