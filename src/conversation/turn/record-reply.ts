import type { TurnEnv } from '../env.ts';
import { renderQuestion, serviceQuestions } from '../intake.ts';
import type { Display } from '../outcome.ts';
import { myAppointments } from '../ownership.ts';
import { questionChoices } from '../proposal/question.ts';
import type { ConversationState } from '../state.ts';
import { T2 } from '../templates.ts';
import { appointmentLabel } from '../tools/list-my-appointments.ts';

/**
 * What the customer reads when the model's text claimed a booking outcome: their
 * appointments as the calendar holds them, then the intake question still open, if any,
 * all from templates. (A proposal awaiting a yes never reaches the model: any other answer
 * discards it first, see commit-confirmation.ts.)
 */
export async function recordReply(env: TurnEnv): Promise<Display> {
  const items = await myAppointments({ scheduler: env.scheduler, identity: env.identity, now: env.clock() });
  const record = items.length ? T2.onRecord(items.map((a) => appointmentLabel(env, a))) : T2.nothingOnRecord;
  const pending = pendingQuestion(env, env.state);
  return pending ? { ...pending, messages: [record, ...pending.messages] } : { messages: [record], expecting: null };
}

/** The intake question the proposal waits on, asked again as its template asks it. */
function pendingQuestion(env: TurnEnv, state: ConversationState): Display | null {
  const p = state.proposal;
  if (p?.awaiting !== 'intake') return null;
  const q = serviceQuestions(env.catalog.services.find((s) => s.id === p.serviceId)?.intakeQuestions).find((x) => x.id === p.intakeQuestionId);
  if (!q) return null;
  const choices = questionChoices(q);
  return { messages: [renderQuestion(q)], ...(choices ? { choices } : {}), expecting: 'intake' };
}
