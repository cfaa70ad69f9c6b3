import { zodFunction } from 'openai/helpers/zod';
import { z } from 'zod';

// The tools the model may call, each defined once: the zod schema validates the model's
// arguments and generates the JSON schema the model sees. Strict function calling wants a
// root object with every property present, so optional values are `.nullable()`.
// This file imports nothing from the engine or the database, so providers may use it.

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (business local time)');

export const toolSchemas = {
  list_services: z.object({}).describe('no arguments'),
  find_slots: z.object({
    service: z.string().describe('service slug or name from list_services'),
    from: localDateTime.nullable().describe('start of the wanted window, business local time; null for "as soon as possible"'),
    to: localDateTime.nullable().describe('end of the wanted window, business local time; null for a day after `from`'),
    exact_time: z.boolean().nullable().describe('true when the customer named a specific time (offer it and the nearest ones)'),
    staff: z.string().nullable().describe('staff member name the customer asked for, or null'),
    appointment_ref: z.string().nullable().describe('when rescheduling: the ref from list_my_appointments; else null'),
    duration_minutes: z.number().int().nullable().describe('how long, when the requester chose ("30m", "2-3pm" is 60); null for the service\'s own length'),
    min_capacity: z.number().int().nullable().describe('people the room must hold ("room for 6"); else null'),
    latest: z
      .boolean()
      .nullable()
      .default(null)
      .describe('true when the customer asked how late they can come ("the last slot thursday"): the latest openings in the window, latest first; else null'),
  }),
  book_offer: z.object({
    offer_id: z.string().describe('an offer_id returned by find_slots in this conversation'),
  }),
  list_my_appointments: z.object({}).describe('no arguments'),
  reschedule_appointment: z.object({
    appointment_ref: z.string().describe('ref from list_my_appointments'),
    offer_id: z.string().describe('an offer_id returned by find_slots for this appointment'),
  }),
  cancel_appointment: z.object({
    appointment_ref: z.string().describe('ref from list_my_appointments'),
    also_refs: z
      .array(z.string())
      .nullable()
      .default(null)
      .describe('when the customer asked to cancel several at once ("both", "all of them"): the refs of the others, canceled on the same yes; else null'),
  }),
  save_intake_answer: z.object({
    question_id: z.string().describe('the question_id of the question being answered'),
    answer: z.string().describe("the customer's answer, as they gave it; \"skip\" to leave it for staff"),
  }),
  request_human: z.object({
    reason: z.string().nullable().describe('short reason, no personal data'),
  }),
  business_info: z.object({
    topic: z.enum(['hours', 'address', 'policies', 'contact', 'booking_window', 'staff', 'all']),
  }),
} as const;

export type ToolName = keyof typeof toolSchemas;
export type ToolArgs<N extends ToolName> = z.infer<(typeof toolSchemas)[N]>;

export const toolDescriptions: Record<ToolName, string> = {
  list_services: 'List the services the business offers (slug, name, duration, price).',
  find_slots:
    'Find open times for a service. Returns numbered offers with short offer_ids valid for a limited time in this conversation only. If nothing is open in the window, returns the nearest openings instead.',
  book_offer:
    "Propose booking an offer the customer chose. This does NOT book: the system shows the customer a summary and books only on their yes. May return an intake question to ask first.",
  list_my_appointments: "List the customer's own upcoming appointments with refs. The customer is identified by the channel.",
  reschedule_appointment: 'Propose moving one of the customer\'s appointments to an offer from find_slots. Commits only on the customer\'s yes.',
  cancel_appointment: "Propose canceling one of the customer's appointments (or several, with also_refs). Commits only on the customer's yes.",
  save_intake_answer: 'Record the answer to the intake question the system asked. Returns the next question or a summary to confirm.',
  request_human: 'Hand the conversation to a person on the team (creates a task for staff).',
  business_info: 'Opening hours, address, policies, contact details of the business, how far ahead bookings open (booking_window), or who works which days (staff).',
};

export const TOOL_NAMES = Object.keys(toolSchemas) as ToolName[];

/** Tools that end the turn: their result is what the customer must answer next. */
export const TERMINAL_TOOLS = new Set<ToolName>(['find_slots', 'book_offer', 'reschedule_appointment', 'cancel_appointment', 'save_intake_answer', 'request_human']);

export interface ToolSpec {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown>; strict: boolean };
}

let specs: ToolSpec[] | undefined;

/**
 * JSON-schema tool specs for the model, generated from the zod schemas above once per
 * process (about 4 ms of CPU each time, and the schemas never change). Every caller
 * gets the same array: read it, never change it.
 */
export function toolSpecs(): ToolSpec[] {
  specs ??= TOOL_NAMES.map((name): ToolSpec => {
    const t = zodFunction({ name, parameters: toolSchemas[name], description: toolDescriptions[name] });
    return {
      type: 'function',
      function: {
        name: t.function.name,
        description: t.function.description ?? toolDescriptions[name],
        parameters: t.function.parameters as Record<string, unknown>,
        strict: t.function.strict ?? true,
      },
    };
  });
  return specs;
}
