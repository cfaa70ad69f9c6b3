// Booking with a form instead of words (Slack's /book modal; any channel with forms):
// what, which day, how long, for how many, then one of the times that are really free.
// The channel shows the form; the implementation (src/booking-form) asks the engine.
// Who books is the channel's verified user id, never a form field.

/** Something the form offers to book: a service, e.g. "Meeting room" or "1:1 with a consultant". */
export interface FormBookable {
  id: string;
  name: string;
  /** The lengths it can be booked for, ascending (one for a fixed-length service). */
  durations: number[];
  defaultDuration: number;
  /** True when it takes a room, so the number of attendees picks the room. */
  usesRoom: boolean;
}

export interface FormRequest {
  /** A FormBookable id. */
  bookable: string;
  /** Calendar date "YYYY-MM-DD" in the business's zone. */
  date: string;
  durationMinutes: number;
  attendees?: number;
}

/** A free start: `value` goes back in `FormBooking.time`. */
export interface FormTime {
  value: string;
  /** "2:00 PM – 3:00 PM". */
  label: string;
}

/** The form field a refusal is about, so the form can show it there. */
export type FormField = 'bookable' | 'date' | 'duration' | 'attendees' | 'time';

export type FormRefusal = { ok: false; field: FormField; message: string };

export type FormTimes = { ok: true; times: FormTime[] } | FormRefusal;

export interface FormBooking extends FormRequest {
  /** A FormTime value from `times` for this request. */
  time: string;
  /** The channel's verified user (a Slack user id), linked to a Frontdesk user. */
  requester: { channel: 'slack' | 'teams'; externalId: string };
  /** The same key twice books once (a double-submitted form). */
  idempotencyKey: string;
}

export type FormBooked = { ok: true; appointmentId: string; text: string } | FormRefusal;

export interface BookingForm {
  /** Today's date in the business's zone, "YYYY-MM-DD": the form's first day. */
  today(): Promise<string>;
  bookables(): Promise<FormBookable[]>;
  times(req: FormRequest): Promise<FormTimes>;
  book(req: FormBooking): Promise<FormBooked>;
}
