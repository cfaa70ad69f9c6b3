import { Router } from 'express';
import type { AppContext } from '../../context.ts';
import type { Customer, Prisma } from '../../generated/prisma/client.ts';
import { instant, page } from '../schemas/common.ts';
import { CustomerCreate, CustomerListQuery, CustomerUpdate, CustomerView } from '../schemas/customer.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { parseBody, parseQuery } from '../validate.ts';
import { keyset, listCursor, pathId, route, translateDbError } from './support.ts';

const tag = 'Customers';
const customersCursor = listCursor('customers', instant);

export const toCustomerView = (c: Customer) => ({
  id: c.id,
  phone: c.phone,
  name: c.name,
  email: c.email,
  language: c.language,
  postalCode: c.postalCode,
  optedOut: c.optedOut,
  optedOutAt: c.optedOutAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

const phoneTaken = (phone: string | undefined) => ({ customer_phone_key: conflict(`A customer with phone ${phone} already exists.`) });

/** optedOutAt records when the flag last turned on; turning it off clears it. */
function optOutStamp(optedOut: boolean | undefined, wasOptedOut: boolean, now: Date) {
  if (optedOut === undefined || optedOut === wasOptedOut) return {};
  return { optedOutAt: optedOut ? now : null };
}

export function customersRouter({ db, clock }: AppContext): Router {
  const router = Router();
  const find = async (id: string) => (await db.customer.findUnique({ where: { id } })) ?? Promise.reject(notFound(`Customer ${id}`));

  route(
    router,
    { operationId: 'listCustomers', method: 'get', path: '/customers', summary: 'List customers (filter by phone in any international format)', tag, query: CustomerListQuery, response: page(CustomerView) },
    async (req) => {
      const q = parseQuery(CustomerListQuery, req);
      const k = keyset('createdAt', customersCursor.decode(q.after));
      const where: Prisma.CustomerWhereInput = { AND: [k.where, { phone: q.phone, optedOut: q.optedOut }] };
      const rows = await db.customer.findMany({ where, orderBy: k.orderBy, take: q.limit + 1 });
      return customersCursor.page(rows, q.limit, (c) => c.createdAt, toCustomerView);
    },
  );

  route(
    router,
    { operationId: 'createCustomer', method: 'post', path: '/customers', summary: 'Create a customer', tag, body: CustomerCreate, response: CustomerView, status: 201, problems: [409] , example: { phone: '+1 212 555 0123', name: 'Ana Lima', language: 'pt-BR' } },
    async (req) => {
      const input = parseBody(CustomerCreate, req);
      const created = await db.customer
        .create({ data: { ...input, ...optOutStamp(input.optedOut, false, clock()) } })
        .catch((err) => translateDbError(err, phoneTaken(input.phone)));
      return toCustomerView(created);
    },
  );

  route(router, { operationId: 'getCustomer', method: 'get', path: '/customers/:id', summary: 'Get a customer', tag, response: CustomerView }, async (req) =>
    toCustomerView(await find(pathId(req, 'Customer'))),
  );

  route(
    router,
    { operationId: 'updateCustomer', method: 'patch', path: '/customers/:id', summary: 'Update a customer', tag, body: CustomerUpdate, response: CustomerView, problems: [409] },
    async (req) => {
      const id = pathId(req, 'Customer');
      const input = parseBody(CustomerUpdate, req);
      const current = await find(id);
      const updated = await db.customer
        .update({ where: { id }, data: { ...input, ...optOutStamp(input.optedOut, current.optedOut, clock()) } })
        .catch((err) => translateDbError(err, phoneTaken(input.phone)));
      return toCustomerView(updated);
    },
  );

  route(
    router,
    { operationId: 'deleteCustomer', method: 'delete', path: '/customers/:id', summary: 'Delete a customer who has no appointments', tag, status: 204, problems: [409] },
    async (req) => {
      const id = pathId(req, 'Customer');
      await find(id);
      await db.customer.delete({ where: { id } }).catch((err) =>
        translateDbError(err, {
          appointment_customer_id_fkey: conflict('The customer has appointments, which keep their history: the customer cannot be deleted.'),
        }),
      );
    },
  );

  return router;
}
