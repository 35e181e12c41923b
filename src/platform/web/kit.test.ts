/** The platform web kit: pagination, items, date fields, multi-value fields, field errors and the form routine. */
import Fastify from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  arrayValue,
  dateInputValues,
  FieldError,
  fieldErrors,
  handleForm,
  readDateInput,
  type FormErrors,
} from './forms.ts';
import { checkboxItems, labelled, radioItems, selectItems } from './items.ts';
import { govukPagination, paginationItems } from './pagination.ts';

const href = (page: number) => `/list?page=${page}`;

describe('govukPagination', () => {
  it('has no links and no items for a single page', () => {
    expect(govukPagination(1, 1, href)).toEqual({ previous: undefined, next: undefined, items: [] });
    expect(govukPagination(1, 0, href).items).toEqual([]);
  });

  it('links the neighbours and shows first, last and the pages around the current one with ellipses', () => {
    const p = govukPagination(5, 10, href);
    expect(p.previous).toEqual({ href: '/list?page=4' });
    expect(p.next).toEqual({ href: '/list?page=6' });
    expect(p.items.map((i) => (i.ellipsis ? '…' : i.current ? `[${i.number}]` : String(i.number)))).toEqual([
      '1',
      '…',
      '4',
      '[5]',
      '6',
      '…',
      '10',
    ]);
    expect(p.items[0]).toEqual({ number: 1, href: '/list?page=1', current: false });
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(govukPagination(1, 3, href).previous).toBeUndefined();
    expect(govukPagination(3, 3, href).next).toBeUndefined();
    expect(paginationItems(2, 3, href).map((i) => i.number)).toEqual([1, 2, 3]);
  });
});

describe('items', () => {
  const needs = labelled(['ASD', 'SLCN'] as const, { ASD: 'Autism', SLCN: 'Speech' });

  it('marks the selected option and can lead with an "any" item', () => {
    expect(selectItems(needs, 'SLCN', { any: 'Any' })).toEqual([
      { value: '', text: 'Any' },
      { value: 'ASD', text: 'Autism', selected: false },
      { value: 'SLCN', text: 'Speech', selected: true },
    ]);
    expect(selectItems(needs, undefined)).toEqual([
      { value: 'ASD', text: 'Autism', selected: false },
      { value: 'SLCN', text: 'Speech', selected: false },
    ]);
  });

  it('marks checked radios and every checked checkbox', () => {
    expect(radioItems(needs, 'ASD').map((i) => i.checked)).toEqual([true, false]);
    expect(checkboxItems(needs, ['ASD', 'SLCN', 'other']).map((i) => i.checked)).toEqual([true, true]);
    expect(checkboxItems(needs, []).map((i) => i.checked)).toEqual([false, false]);
  });
});

describe('date inputs', () => {
  it('fills the three fields from a date, without leading zeros, and reads them back', () => {
    const values = dateInputValues('received', '2026-03-05');
    expect(values).toEqual({ 'received-day': '5', 'received-month': '3', 'received-year': '2026' });
    expect(readDateInput(values, 'received', 'The date')).toEqual({ value: '2026-03-05' });
  });

  it('leaves the fields empty for no date', () => {
    expect(dateInputValues('d', null)).toEqual({ 'd-day': '', 'd-month': '', 'd-year': '' });
    expect(dateInputValues('d', '')).toEqual({ 'd-day': '', 'd-month': '', 'd-year': '' });
  });

  it('refuses a day that does not exist', () => {
    const values = { 'd-day': '29', 'd-month': '2', 'd-year': '2025' };
    expect(readDateInput(values, 'd', 'The date').error).toMatch(/real date/);
    expect(readDateInput({ ...values, 'd-year': '2024' }, 'd', 'The date')).toEqual({ value: '2024-02-29' });
  });
});

describe('arrayValue', () => {
  it('reads one value, several values, or none, dropping empty and non-text values', () => {
    expect(arrayValue({ a: 'x' }, 'a')).toEqual(['x']);
    expect(arrayValue({ a: ['x', '', 'y', 3, { z: 1 }] }, 'a')).toEqual(['x', 'y']);
    expect(arrayValue({}, 'a')).toEqual([]);
    expect(arrayValue(undefined, 'a')).toEqual([]);
  });

  it('keeps at most 50', () => {
    expect(arrayValue({ a: Array.from({ length: 80 }, (_, i) => `v${i}`) }, 'a')).toHaveLength(50);
  });
});

describe('FieldError', () => {
  class NameTakenError extends FieldError {}

  it('carries the field and message, and its subclasses are FieldErrors with their own name', () => {
    const err = new NameTakenError('name', 'That name is taken');
    expect(err).toBeInstanceOf(FieldError);
    expect(err).toBeInstanceOf(Error);
    expect(err.field).toBe('name');
    expect(err.message).toBe('That name is taken');
    expect(err.name).toBe('NameTakenError');
  });
});

describe('handleForm', () => {
  const schema = z.object({
    name: z.string().trim().min(1, { error: 'Enter a name' }),
    age: z.coerce.number({ error: 'Enter an age' }).int().min(1, { error: 'Age must be 1 or more' }),
  });

  async function app(submit: (data: z.infer<typeof schema>) => Promise<string>) {
    const server = Fastify();
    await server.register(fastifyFormbody);
    server.post('/form', (request, reply) =>
      handleForm(request.body, reply, {
        parse: schema,
        fields: ['name', 'age'],
        keep: (values) => ({ ...values, secret: '' }),
        submit,
        render: (values: Record<string, string>, errors: FormErrors, error?: FieldError) =>
          reply.send({ values, errors, thrown: error?.name ?? null }),
        success: (id) => `/done/${id}`,
      }),
    );
    return server;
  }

  const post = (server: Awaited<ReturnType<typeof app>>, body: string) =>
    server.inject({
      method: 'POST',
      url: '/form',
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('redirects with 303 to the success page once the change is made', async () => {
    const made: unknown[] = [];
    const server = await app((data) => {
      made.push(data);
      return Promise.resolve('42');
    });
    const response = await post(server, 'name=+Ann+&age=7');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/done/42');
    expect(made).toEqual([{ name: 'Ann', age: 7 }]);
  });

  it('answers bad input with 400, the errors in the form order, the input kept, and submits nothing', async () => {
    let submitted = false;
    const server = await app(() => {
      submitted = true;
      return Promise.resolve('1');
    });
    const response = await post(server, 'age=0&name=&secret=hunter2&extra=%3Cscript%3E');
    expect(response.statusCode).toBe(400);
    const body = response.json<{ values: Record<string, string>; errors: FormErrors }>();
    expect(body.errors.list).toEqual([
      { text: 'Enter a name', href: '#name' },
      { text: 'Age must be 1 or more', href: '#age' },
    ]);
    expect(body.errors.fields.name).toEqual({ text: 'Enter a name' });
    expect(body.values).toEqual({ age: '0', name: '', secret: '', extra: '<script>' });
    expect(submitted).toBe(false);
  });

  it("shows a service's FieldError against its field with the input kept (400)", async () => {
    class DuplicateNameError extends FieldError {}
    const server = await app(() => Promise.reject(new DuplicateNameError('name', 'That name is taken')));
    const response = await post(server, 'name=Ann&age=7');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      values: { name: 'Ann', age: '7', secret: '' },
      errors: {
        list: [{ text: 'That name is taken', href: '#name' }],
        fields: { name: { text: 'That name is taken' } },
      },
      thrown: 'DuplicateNameError',
    });
  });

  it('lets any other error through to the error handler', async () => {
    const server = await app(() => Promise.reject(new Error('database down')));
    const response = await post(server, 'name=Ann&age=7');
    expect(response.statusCode).toBe(500);
  });

  it('accepts a parse function instead of a schema', async () => {
    const server = Fastify();
    await server.register(fastifyFormbody);
    server.post('/pick', (request, reply) =>
      handleForm(request.body, reply, {
        parse: (_values, body) => {
          const picked = arrayValue(body, 'pick');
          return picked.length
            ? { ok: true, data: picked }
            : {
                ok: false,
                errors: {
                  list: [{ text: 'Pick one', href: '#pick' }],
                  fields: { pick: { text: 'Pick one' } },
                },
              };
        },
        submit: (picked) => Promise.resolve(picked.join('+')),
        render: (_values: Record<string, string>, errors: FormErrors) => reply.send(errors),
        success: (joined) => `/picked/${joined}`,
      }),
    );
    const ok = await server.inject({
      method: 'POST',
      url: '/pick',
      payload: 'pick=a&pick=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(ok.headers.location).toBe('/picked/a+b');
    const none = await server.inject({
      method: 'POST',
      url: '/pick',
      payload: 'other=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(none.statusCode).toBe(400);
  });
});

describe('fieldErrors', () => {
  it('keeps the first message per field, in the order given, a date field linking to its day input', () => {
    const errors = fieldErrors(
      [
        { field: 'reason', message: 'Enter the reason' },
        { field: 'date', message: 'Enter the date' },
        { field: 'reason', message: 'The reason is too long' },
      ],
      { dateFields: ['date'] },
    );
    expect(errors).toEqual({
      list: [
        { text: 'Enter the reason', href: '#reason' },
        { text: 'Enter the date', href: '#date-day' },
      ],
      fields: { reason: { text: 'Enter the reason' }, date: { text: 'Enter the date' } },
    });
  });

  it('orders the summary as the form when given its order, fields it does not name last', () => {
    const errors = fieldErrors(
      [
        { field: 'other', message: 'Other' },
        { field: 'b', message: 'B' },
        { field: 'a', message: 'A' },
      ],
      { order: ['a', 'b'] },
    );
    expect(errors.list.map((e) => e.href)).toEqual(['#a', '#b', '#other']);
  });
});
