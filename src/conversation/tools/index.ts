import type { TurnEnv } from '../env.ts';
import { fail, type ToolOutcome } from '../outcome.ts';
import { bookOffer } from './book-offer.ts';
import { businessInfo } from './business-info.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { TERMINAL_TOOLS, toolSchemas, type ToolArgs, type ToolName } from './definitions.ts';
import { findSlots } from './find-slots.ts';
import { listMyAppointments } from './list-my-appointments.ts';
import { listServices } from './list-services.ts';
import { requestHuman } from './request-human.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';
import { saveIntakeAnswer } from './save-intake-answer.ts';

export { toolSpecs, toolSchemas, TOOL_NAMES, type ToolName } from './definitions.ts';

// The tools: the only way a model acts. Each validates its arguments, acts as the channel's
// identity (never an id from the arguments), and returns a structured result the model can
// read. Scheduling goes only through the engine's Scheduler. Booking, rescheduling and
// canceling tools make a proposal (src/conversation/proposal); the turn commits it only on
// the customer's explicit yes.

type Handler<N extends ToolName> = (env: TurnEnv, args: ToolArgs<N>) => Promise<ToolOutcome>;

const handlers: { [N in ToolName]: Handler<N> } = {
  list_services: listServices,
  find_slots: findSlots,
  book_offer: bookOffer,
  list_my_appointments: listMyAppointments,
  reschedule_appointment: rescheduleAppointment,
  cancel_appointment: cancelAppointment,
  save_intake_answer: saveIntakeAnswer,
  request_human: requestHuman,
  business_info: businessInfo,
};

/** Runs the named tool on arguments as the model wrote them (JSON text), validated first. */
export async function runTool(env: TurnEnv, name: string, rawArguments: string): Promise<ToolOutcome> {
  if (!(name in toolSchemas)) return fail('unknown_tool', `There is no tool named ${JSON.stringify(name.slice(0, 40))}.`);
  let json: unknown;
  try {
    json = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch {
    return fail('invalid_arguments', 'Arguments must be a JSON object.');
  }
  const parsed = toolSchemas[name as ToolName].safeParse(json);
  if (!parsed.success) {
    return fail('invalid_arguments', parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
  }
  const outcome = await handlers[name as ToolName](env, parsed.data as never);
  if (outcome.result.ok && TERMINAL_TOOLS.has(name as ToolName)) env.state.toolFailures = 0;
  return outcome;
}
