// Calendar feeds: private, revocable ICS URLs per staff member, room and location
// (feeds.ts), one appointment's .ics behind a signed link for confirmations
// (appointment-link.ts), the RFC 5545 rendering (calendar.ts), the SQL (plans.ts) and
// the public routes that serve them (router.ts). The dashboard and the admin API use
// these functions; nothing here knows a session or a bearer token.
export { appointmentCalendarUrl, appointmentIcsPath, readAppointmentIcs, signAppointmentToken, verifyAppointmentToken } from './appointment-link.ts';
export { eventSequence, eventUid, renderCalendar, type FeedAudience, type FeedEventRow } from './calendar.ts';
export { createFeed, FEED_WINDOW_DAYS, feedPath, FeedSubjectNotFound, listFeeds, readFeed, revokeFeed, subjectOf, type FeedSubjectRef } from './feeds.ts';
export { createFeedsRouter } from './router.ts';
