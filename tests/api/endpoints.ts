import type { Fixture } from './fixtures.ts';

// Every admin endpoint, with a valid request and a wrongly typed one. The bad-input test runs each through the same gauntlet; the OpenAPI test
// checks this table and the published document list the same routes.

/** A query string that must be refused, and the field its problem document must name. */
export interface BadQuery {
  query: string;
  field: string;
}

/** A bad query naming the field of its first parameter, unless another is given. */
const bad = (query: string, field = query.split('=')[0]!): BadQuery => ({ query, field });

export interface Endpoint {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path as documented. */
  route: string;
  /** The concrete path for the fixture; `id` replaces the :id segment when given. */
  path(f: Fixture, id?: string): string;
  /** Query parameters the endpoint needs to answer at all (availability's service and window); cases change one of them. */
  query?(f: Fixture): Record<string, string>;
  valid?(f: Fixture): Record<string, unknown>;
  wrongTypes?: Record<string, unknown>;
  /** Query strings that must be refused, each on top of `query`. */
  badQueries?: BadQuery[];
  /** Query parameters holding an instant, or a calendar date. */
  timeQuery?: { params: string[]; kind: 'instant' | 'date' };
  /** Body fields holding an instant. */
  instantFields?: string[];
  /** A list with cursor pagination (`limit`, `after`): the list's name and the kind of sort key its cursor carries. */
  paginated?: { list: string; key: 'instant' | 'date' | 'id' };
}

/** An id no fixture row has. */
export const NO_SUCH_ID = '0b6f1c1e-3a5d-4e7f-8a9b-1c2d3e4f5a6b';

const listQueries = [bad('limit=abc'), bad('limit=0'), bad('limit=100000'), bad('after=not-a-cursor'), bad('bogus=1', 'bogus')];

export const ENDPOINTS: Endpoint[] = [
  { method: 'get', route: '/business', path: () => '/business' },
  {
    method: 'put',
    route: '/business',
    path: () => '/business',
    valid: () => ({ name: 'Maple Clinic', timeZone: 'America/New_York' }),
    wrongTypes: { name: 42, timeZone: 'Mars/Olympus', email: 'not-an-email', quietHoursStart: '9pm', noShowGraceMinutes: -5, noShowUnanswered: 'maybe' },
  },

  { method: 'get', route: '/locations', path: () => '/locations', badQueries: [...listQueries, bad('active=maybe')], paginated: { list: 'locations', key: 'instant' } },
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

  { method: 'get', route: '/services', path: () => '/services', badQueries: listQueries, paginated: { list: 'services', key: 'instant' } },
  {
    method: 'post',
    route: '/services',
    path: () => '/services',
    valid: () => ({ name: 'Whitening', slug: 'whitening', durationMinutes: 60 }),
    wrongTypes: {
      slug: 'Not A Slug',
      durationMinutes: '60',
      seats: 0,
      minDurationMinutes: 'ten',
      durationStepMinutes: 0,
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

  { method: 'get', route: '/resources', path: () => '/resources', badQueries: [...listQueries, bad('kind=robot'), bad('locationId=123')], paginated: { list: 'resources', key: 'instant' } },
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
    badQueries: [...listQueries, bad('from=2026-13-01')],
    timeQuery: { params: ['from', 'to'], kind: 'date' },
    paginated: { list: 'overrides', key: 'date' },
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

  {
    method: 'get',
    route: '/time-off',
    path: () => '/time-off',
    badQueries: [...listQueries, bad('from=yesterday'), bad('resourceId=x')],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
    paginated: { list: 'time-off', key: 'instant' },
  },
  {
    method: 'post',
    route: '/time-off',
    path: () => '/time-off',
    valid: (f) => ({ resourceId: f.resourceId, startsAt: '2027-01-05T00:00:00Z', endsAt: '2027-01-06T00:00:00Z' }),
    wrongTypes: { resourceId: 'x', startsAt: '2027-01-05 09:00', endsAt: 1700000000 },
    instantFields: ['startsAt', 'endsAt'],
  },
  { method: 'get', route: '/time-off/:id', path: (f, id) => `/time-off/${id ?? f.timeOffId}` },
  {
    method: 'patch',
    route: '/time-off/:id',
    path: (f, id) => `/time-off/${id ?? f.timeOffId}`,
    valid: () => ({ reason: 'Conference' }),
    wrongTypes: { startsAt: 'tomorrow', reason: 3 },
    instantFields: ['startsAt', 'endsAt'],
  },
  { method: 'delete', route: '/time-off/:id', path: (f, id) => `/time-off/${id ?? f.timeOffId}` },

  { method: 'get', route: '/customers', path: () => '/customers', badQueries: [...listQueries, bad('phone=555-0100'), bad('optedOut=1')], paginated: { list: 'customers', key: 'instant' } },
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
    path: () => '/availability',
    query: (f) => ({ service: f.serviceId, from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }),
    badQueries: [
      bad('bogus=1'),
      bad('from=yesterday'),
      bad('to=', 'to'),
      bad('to=2026-11-30T00:00:00Z', 'to'),
      bad('to=2027-03-01T00:00:00Z', 'to'),
      bad('service=', 'service'),
      bad('location=abc'),
      bad('limit=0'),
      bad('durationMinutes=long'),
      bad('durationMinutes=0'),
      bad('minCapacity=-2'),
    ],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
  },

  {
    method: 'get',
    route: '/appointments',
    path: () => '/appointments',
    badQueries: [...listQueries, bad('status=maybe'), bad('phone=555-0100'), bad('from=yesterday'), bad('resource=123')],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
    paginated: { list: 'appointments', key: 'id' },
  },
  {
    method: 'post',
    route: '/appointments',
    path: () => '/appointments',
    valid: (f) => ({ service: f.serviceId, start: '2026-12-02T15:00:00Z', customer: { phone: '+14155550123', name: 'Sam' } }),
    wrongTypes: { start: 'tomorrow at 3', resource: 'dana', customer: { phone: 5550100 }, intake: 'none', durationMinutes: '90', minCapacity: 0 },
    instantFields: ['start'],
  },
  { method: 'get', route: '/appointments/:id', path: (f, id) => `/appointments/${id ?? f.appointmentId}` },
  {
    method: 'post',
    route: '/appointments/:id/reschedule',
    path: (f, id) => `/appointments/${id ?? f.appointmentId}/reschedule`,
    valid: () => ({ start: '2026-12-02T16:00:00Z' }),
    wrongTypes: { start: 1733151600 },
    instantFields: ['start'],
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

  { method: 'get', route: '/jobs', path: () => '/jobs', badQueries: [bad('failures=abc'), bad('failures=0'), bad('failures=1000'), bad('bogus=1', 'bogus')] },

  { method: 'get', route: '/outbox', path: () => '/outbox', badQueries: [...listQueries, bad('to=555-0100')], paginated: { list: 'outbox', key: 'instant' } },

  // When a provider is out: the dry run, and the flows saved changes started (none in the fixture).
  {
    method: 'post',
    route: '/impact',
    path: () => '/impact',
    valid: (f) => ({ resourceId: f.resourceId, change: { kind: 'time_off', startsAt: '2027-01-05T00:00:00Z', endsAt: '2027-01-06T00:00:00Z' } }),
    wrongTypes: { resourceId: 'x', change: { kind: 'vacation' } },
  },
  {
    method: 'get',
    route: '/reschedule-flows',
    path: () => '/reschedule-flows',
    badQueries: [...listQueries, bad('resourceId=x')],
    paginated: { list: 'reschedule-flows', key: 'instant' },
  },
  { method: 'get', route: '/reschedule-flows/:id', path: (_f, id) => `/reschedule-flows/${id ?? NO_SUCH_ID}` },

  // The ops inbox. No fixture exception exists, so :id paths name NO_SUCH_ID unless a test passes one.
  {
    method: 'get',
    route: '/exceptions',
    path: () => '/exceptions',
    badQueries: [...listQueries, bad('status=acknowledged'), bad('type=fire'), bad('assignee=dana'), bad('appointment=42'), bad('since=yesterday')],
    timeQuery: { params: ['since'], kind: 'instant' },
    paginated: { list: 'exceptions', key: 'instant' },
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
  { method: 'get', route: '/users', path: () => '/users', badQueries: [...listQueries, bad('role=owner')], paginated: { list: 'users', key: 'instant' } },
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
  {
    method: 'put',
    route: '/users/:id/password',
    path: (_f, id) => `/users/${id ?? NO_SUCH_ID}/password`,
    valid: () => ({ password: 'correct horse battery' }),
    wrongTypes: { password: 'short' },
  },
  { method: 'get', route: '/tokens', path: () => '/tokens', badQueries: [...listQueries, bad('userId=robin')], paginated: { list: 'tokens', key: 'instant' } },
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

  // Outbound webhooks. Only the delivery log names the fixture's subscription; other :id paths name NO_SUCH_ID unless a test passes one.
  { method: 'get', route: '/webhooks', path: () => '/webhooks', badQueries: listQueries, paginated: { list: 'webhooks', key: 'instant' } },
  {
    method: 'post',
    route: '/webhooks',
    path: () => '/webhooks',
    valid: () => ({ url: 'https://example.com/frontdesk/webhooks', eventTypes: ['appointment.created'] }),
    wrongTypes: { url: 'http://example.com/hook', eventTypes: ['appointment.exploded'], description: 7, enabled: 'yes' },
  },
  { method: 'get', route: '/webhooks/:id', path: (_f, id) => `/webhooks/${id ?? NO_SUCH_ID}` },
  {
    method: 'patch',
    route: '/webhooks/:id',
    path: (_f, id) => `/webhooks/${id ?? NO_SUCH_ID}`,
    valid: () => ({ eventTypes: ['exception.raised'] }),
    wrongTypes: { url: 'ftp://example.com/hook', eventTypes: [] },
  },
  { method: 'delete', route: '/webhooks/:id', path: (_f, id) => `/webhooks/${id ?? NO_SUCH_ID}` },
  { method: 'post', route: '/webhooks/:id/rotate-secret', path: (_f, id) => `/webhooks/${id ?? NO_SUCH_ID}/rotate-secret` },
  {
    method: 'get',
    route: '/webhooks/:id/deliveries',
    path: (f, id) => `/webhooks/${id ?? f.webhookId}/deliveries`,
    badQueries: [...listQueries, bad('status=lost')],
    paginated: { list: 'webhook-deliveries', key: 'instant' },
  },
  // Business KPIs over a period (src/reports).
  {
    method: 'get',
    route: '/reports/kpis',
    path: () => '/reports/kpis',
    query: () => ({ from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' }),
    badQueries: [
      bad('bogus=1'),
      bad('from=yesterday'),
      bad('to=', 'to'),
      bad('to=2026-11-30T00:00:00Z', 'to'),
      bad('to=2028-01-01T00:00:00Z', 'to'),
      bad('location=main'),
      bad('service=haircut'),
      bad('channel=fax'),
      bad('format=pdf'),
    ],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
  },
  {
    method: 'get',
    route: '/audit',
    path: () => '/audit',
    badQueries: [...listQueries, bad('entity=Appointment!'), bad('from=yesterday'), bad('to=2026-11-30T00:00:00Z&from=2026-12-01T00:00:00Z', 'to')],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
    paginated: { list: 'audit', key: 'instant' },
  },
  {
    method: 'get',
    route: '/exports/appointments.csv',
    path: () => '/exports/appointments.csv',
    badQueries: [bad('bogus=1', 'bogus'), bad('status=done'), bad('resource=x'), bad('limit=5', 'limit')],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
  },
  { method: 'get', route: '/exports/customers.csv', path: () => '/exports/customers.csv', badQueries: [bad('bogus=1', 'bogus'), bad('phone=555-0100'), bad('optedOut=maybe')] },
  {
    method: 'get',
    route: '/exports/exceptions.csv',
    path: () => '/exports/exceptions.csv',
    badQueries: [bad('bogus=1', 'bogus'), bad('status=closed'), bad('type=fire'), bad('location=main'), bad('limit=5', 'limit')],
    timeQuery: { params: ['from', 'to'], kind: 'instant' },
  },

  // Calendar feeds (src/feeds); the staff fixture user's own resource, so staff may create it.
  { method: 'get', route: '/feeds', path: () => '/feeds', badQueries: [bad('bogus=1', 'bogus'), bad('revoked=maybe')] },
  {
    method: 'post',
    route: '/feeds',
    path: () => '/feeds',
    valid: (f) => ({ subject: { type: 'resource', id: f.resourceId } }),
    wrongTypes: { subject: { type: 'person', id: 'x' }, name: '' },
  },
  { method: 'delete', route: '/feeds/:id', path: (_f, id) => `/feeds/${id ?? NO_SUCH_ID}` },
];
