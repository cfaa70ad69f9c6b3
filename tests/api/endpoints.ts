import type { Fixture } from './fixtures.ts';

// Every admin endpoint, with a valid request and a wrongly typed one. The bad-input test runs each through the same gauntlet; the OpenAPI test
// checks this table and the published document list the same routes.

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path as documented. */
  route: string;
  /** The concrete path for the fixture; `id` replaces the :id segment when given. */
  path(f: Fixture, id?: string): string;
  valid?(f: Fixture): Record<string, unknown>;
  wrongTypes?: Record<string, unknown>;
  /** Query strings that must be refused. */
  badQueries?: string[];
  /** A list with cursor pagination (`limit`, `after`). */
  paginated?: true;
}

/** An id no fixture row has. */
export const NO_SUCH_ID = '0b6f1c1e-3a5d-4e7f-8a9b-1c2d3e4f5a6b';

const listQueries = ['limit=abc', 'limit=0', 'limit=100000', 'after=not-a-cursor', 'bogus=1'];

export const ENDPOINTS: Endpoint[] = [
  { method: 'get', route: '/business', path: () => '/business' },
  {
    method: 'put',
    route: '/business',
    path: () => '/business',
    valid: () => ({ name: 'Maple Clinic', timeZone: 'America/New_York' }),
    wrongTypes: { name: 42, timeZone: 'Mars/Olympus', email: 'not-an-email' },
  },

  { method: 'get', route: '/locations', path: () => '/locations', badQueries: [...listQueries, 'active=maybe'], paginated: true },
  {
    method: 'post',
    route: '/locations',
    path: () => '/locations',
    valid: () => ({ name: 'Uptown', timeZone: 'America/New_York', address: '9 Broadway' }),
    wrongTypes: { name: '', timeZone: 'EST5EDT+', address: 7, postalCodes: 'not-a-list' },
  },
  { method: 'get', route: '/locations/:id', path: (f, id) => `/locations/${id ?? f.locationId}` },
  {
    method: 'patch',
    route: '/locations/:id',
    path: (f, id) => `/locations/${id ?? f.locationId}`,
    valid: () => ({ name: 'Renamed' }),
    wrongTypes: { active: 'yes', postalCodes: [1, 2] },
  },
  { method: 'delete', route: '/locations/:id', path: (f, id) => `/locations/${id ?? f.locationId}` },

  { method: 'get', route: '/services', path: () => '/services', badQueries: listQueries, paginated: true },
  {
    method: 'post',
    route: '/services',
    path: () => '/services',
    valid: () => ({ name: 'Whitening', slug: 'whitening', durationMinutes: 60 }),
    wrongTypes: {
      slug: 'Not A Slug',
      durationMinutes: '60',
      seats: 0,
      requirements: [{ kind: 'robot' }],
      intakeQuestions: [{ id: 'q', prompt: 'Why?', type: 'essay' }],
    },
  },
  { method: 'get', route: '/services/:id', path: (f, id) => `/services/${id ?? f.serviceId}` },
  {
    method: 'patch',
    route: '/services/:id',
    path: (f, id) => `/services/${id ?? f.serviceId}`,
    valid: () => ({ durationMinutes: 50 }),
    wrongTypes: { durationMinutes: -5, bufferAfterMinutes: 1.5, eligibleResourceIds: ['nope'] },
  },
  { method: 'delete', route: '/services/:id', path: (f, id) => `/services/${id ?? f.serviceId}` },

  { method: 'get', route: '/resources', path: () => '/resources', badQueries: [...listQueries, 'kind=robot', 'locationId=123'], paginated: true },
  {
    method: 'post',
    route: '/resources',
    path: () => '/resources',
    valid: (f) => ({ kind: 'staff', name: 'Kim', locationId: f.locationId }),
    wrongTypes: { kind: 'robot', locationId: 'nowhere', capacity: 0, languages: ['English'] },
  },
  { method: 'get', route: '/resources/:id', path: (f, id) => `/resources/${id ?? f.resourceId}` },
  {
    method: 'patch',
    route: '/resources/:id',
    path: (f, id) => `/resources/${id ?? f.resourceId}`,
    valid: () => ({ name: 'Dana R.' }),
    wrongTypes: { timeZone: 'Nowhere/Town', routingWeight: 'heavy' },
  },
  { method: 'delete', route: '/resources/:id', path: (f, id) => `/resources/${id ?? f.resourceId}` },

  { method: 'get', route: '/resources/:id/hours', path: (f, id) => `/resources/${id ?? f.resourceId}/hours` },
  {
    method: 'put',
    route: '/resources/:id/hours',
    path: (f, id) => `/resources/${id ?? f.resourceId}/hours`,
    valid: () => ({ intervals: [{ weekday: 3, start: '09:00', end: '17:00' }] }),
    wrongTypes: {
      intervals: [
        { weekday: 8, start: '9am', end: '17:00' },
        { weekday: 1, start: '12:00', end: '11:00' },
        { weekday: 2, start: '09:00', end: '13:00' },
        { weekday: 2, start: '12:00', end: '15:00' },
      ],
    },
  },
  {
    method: 'get',
    route: '/resources/:id/overrides',
    path: (f, id) => `/resources/${id ?? f.resourceId}/overrides`,
    badQueries: [...listQueries, 'from=2026-13-01'],
  },
  { method: 'get', route: '/resources/:id/overrides/:date', path: (f, id) => `/resources/${id ?? f.resourceId}/overrides/${f.overrideDate}` },
  {
    method: 'put',
    route: '/resources/:id/overrides/:date',
    path: (f, id) => `/resources/${id ?? f.resourceId}/overrides/${f.overrideDate}`,
    valid: () => ({ intervals: [{ start: '10:00', end: '14:00' }] }),
    wrongTypes: { intervals: [{ start: '10:00', end: '25:00' }, { start: 10, end: '11:00' }] },
  },
  { method: 'delete', route: '/resources/:id/overrides/:date', path: (f, id) => `/resources/${id ?? f.resourceId}/overrides/${f.overrideDate}` },

  { method: 'get', route: '/time-off', path: () => '/time-off', badQueries: [...listQueries, 'from=yesterday', 'resourceId=x'], paginated: true },
  {
    method: 'post',
    route: '/time-off',
    path: () => '/time-off',
    valid: (f) => ({ resourceId: f.resourceId, startsAt: '2027-01-05T00:00:00Z', endsAt: '2027-01-06T00:00:00Z' }),
    wrongTypes: { resourceId: 'x', startsAt: '2027-01-05 09:00', endsAt: 1700000000 },
  },
  { method: 'get', route: '/time-off/:id', path: (f, id) => `/time-off/${id ?? f.timeOffId}` },
  {
    method: 'patch',
    route: '/time-off/:id',
    path: (f, id) => `/time-off/${id ?? f.timeOffId}`,
    valid: () => ({ reason: 'Conference' }),
    wrongTypes: { startsAt: 'tomorrow', reason: 3 },
  },
  { method: 'delete', route: '/time-off/:id', path: (f, id) => `/time-off/${id ?? f.timeOffId}` },

  { method: 'get', route: '/customers', path: () => '/customers', badQueries: [...listQueries, 'phone=555-0100', 'optedOut=1'], paginated: true },
  {
    method: 'post',
    route: '/customers',
    path: () => '/customers',
    valid: () => ({ phone: '+14155550123', name: 'Sam' }),
    wrongTypes: { phone: '555-0100', email: 'sam@', language: 'English', optedOut: 'no' },
  },
  { method: 'get', route: '/customers/:id', path: (f, id) => `/customers/${id ?? f.customerId}` },
  {
    method: 'patch',
    route: '/customers/:id',
    path: (f, id) => `/customers/${id ?? f.customerId}`,
    valid: () => ({ name: 'Ana María' }),
    wrongTypes: { phone: '+1 000', name: ['Ana'] },
  },
  { method: 'delete', route: '/customers/:id', path: (f, id) => `/customers/${id ?? f.customerId}` },

  {
    method: 'get',
    route: '/availability',
    path: (f) => `/availability?service=${f.serviceId}`,
    badQueries: [
      'from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&bogus=1',
      'from=yesterday&to=2026-12-02T00:00:00Z',
      'from=2026-12-01T00:00:00Z',
      'from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&location=abc',
      'from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&limit=0',
    ],
  },

  {
    method: 'get',
    route: '/appointments',
    path: () => '/appointments',
    badQueries: [...listQueries, 'status=maybe', 'phone=555-0100', 'from=yesterday', 'resource=123'],
    paginated: true,
  },
  {
    method: 'post',
    route: '/appointments',
    path: () => '/appointments',
    valid: (f) => ({ service: f.serviceId, start: '2026-12-02T15:00:00Z', customer: { phone: '+14155550123', name: 'Sam' } }),
    wrongTypes: { start: 'tomorrow at 3', resource: 'dana', customer: { phone: 5550100 }, intake: 'none' },
  },
  { method: 'get', route: '/appointments/:id', path: (f, id) => `/appointments/${id ?? f.appointmentId}` },
  {
    method: 'post',
    route: '/appointments/:id/reschedule',
    path: (f, id) => `/appointments/${id ?? f.appointmentId}/reschedule`,
    valid: () => ({ start: '2026-12-02T16:00:00Z' }),
    wrongTypes: { start: 1733151600 },
  },
  {
    method: 'post',
    route: '/appointments/:id/cancel',
    path: (f, id) => `/appointments/${id ?? f.appointmentId}/cancel`,
    valid: () => ({ reason: 'Feeling unwell' }),
    wrongTypes: { reason: ['unwell'] },
  },
  {
    method: 'post',
    route: '/appointments/:id/status',
    path: (f, id) => `/appointments/${id ?? f.appointmentId}/status`,
    valid: () => ({ status: 'completed' }),
    wrongTypes: { status: 'done' },
  },

  { method: 'get', route: '/outbox', path: () => '/outbox', badQueries: [...listQueries, 'to=555-0100'], paginated: true },

  // The ops inbox. No fixture exception exists, so :id paths name NO_SUCH_ID unless a test passes one.
  {
    method: 'get',
    route: '/exceptions',
    path: () => '/exceptions',
    badQueries: [...listQueries, 'status=acknowledged', 'type=fire', 'assignee=dana', 'appointment=42', 'since=yesterday'],
    paginated: true,
  },
  { method: 'get', route: '/exceptions/:id', path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}` },
  {
    method: 'post',
    route: '/exceptions/:id/take',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/take`,
    valid: () => ({}),
    wrongTypes: { assigneeUserId: NO_SUCH_ID },
  },
  {
    method: 'post',
    route: '/exceptions/:id/assign',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/assign`,
    valid: () => ({ assigneeUserId: NO_SUCH_ID }),
    wrongTypes: { assigneeUserId: 'dana' },
  },
  {
    method: 'post',
    route: '/exceptions/:id/resolve',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/resolve`,
    valid: () => ({ reason: 'Called the customer' }),
    wrongTypes: { reason: '   ' },
  },
  {
    method: 'post',
    route: '/exceptions/:id/dismiss',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/dismiss`,
    valid: () => ({ reason: 'Duplicate' }),
    wrongTypes: { reason: ['dup'] },
  },
  {
    method: 'post',
    route: '/exceptions/:id/approve',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/approve`,
    valid: () => ({}),
    wrongTypes: { reason: 'not asked for' },
  },
  {
    method: 'post',
    route: '/exceptions/:id/decline',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/decline`,
    valid: () => ({ reason: 'Fully booked that week' }),
    wrongTypes: { reason: 7 },
  },
  {
    method: 'post',
    route: '/exceptions/:id/reply',
    path: (_f, id) => `/exceptions/${id ?? NO_SUCH_ID}/reply`,
    valid: () => ({ text: 'Hi, this is Dana from the front desk.' }),
    wrongTypes: { text: '' },
  },

  // Users and tokens (H6). No fixture user exists, so :id paths name NO_SUCH_ID unless a test passes one.
  { method: 'get', route: '/users', path: () => '/users', badQueries: [...listQueries, 'role=owner'], paginated: true },
  {
    method: 'post',
    route: '/users',
    path: () => '/users',
    valid: () => ({ name: 'Robin', email: 'robin@example.com', role: 'staff' }),
    wrongTypes: { name: 42, email: 'robin@', role: 'owner', slackUserId: 'robin', teamsUserId: 'not-a-guid', resourceId: 'kim' },
  },
  { method: 'get', route: '/users/:id', path: (_f, id) => `/users/${id ?? NO_SUCH_ID}` },
  {
    method: 'patch',
    route: '/users/:id',
    path: (_f, id) => `/users/${id ?? NO_SUCH_ID}`,
    valid: () => ({ role: 'manager' }),
    wrongTypes: { role: 'root', email: 7 },
  },
  { method: 'delete', route: '/users/:id', path: (_f, id) => `/users/${id ?? NO_SUCH_ID}` },
  { method: 'get', route: '/tokens', path: () => '/tokens', badQueries: [...listQueries, 'userId=robin'], paginated: true },
  {
    method: 'post',
    route: '/tokens',
    path: () => '/tokens',
    valid: () => ({ userId: NO_SUCH_ID, name: 'reporting script' }),
    wrongTypes: { userId: 'robin', name: '', role: 'god', expiresAt: 'next week' },
  },
  { method: 'get', route: '/tokens/:id', path: (_f, id) => `/tokens/${id ?? NO_SUCH_ID}` },
  {
    method: 'post',
    route: '/tokens/:id/rotate',
    path: (_f, id) => `/tokens/${id ?? NO_SUCH_ID}/rotate`,
    valid: () => ({}),
    wrongTypes: { expiresAt: 1767225600 },
  },
  { method: 'delete', route: '/tokens/:id', path: (_f, id) => `/tokens/${id ?? NO_SUCH_ID}` },
];
