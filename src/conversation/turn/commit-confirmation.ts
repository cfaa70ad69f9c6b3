import { DateTime } from 'luxon';
import type { Prisma } from '../../db/client.ts';
import type { TurnEnv } from '../env.ts';
import { commitProposal } from '../proposal/commit.ts';
import { discardProposal } from '../proposal/discard.ts';
import { keepIntakeAnswers } from '../proposal/intake-kept.ts';
import { askConfirmation } from '../proposal/show.ts';
import type { Proposal } from '../state.ts';
import { T } from '../templates.ts';
import { understand, type Understanding } from '../understanding/index.ts';
import type { Shown, Turn } from './context.ts';
import { withQuestionAnswered } from './answer-beside-yes.ts';
import { restatesDay, restatesProposal } from './restates-proposal.ts';
import { swapAtCancel } from './swap-at-cancel.ts';
import { picksTheOnlyOption, readAsOnlyOption } from './unlisted-pick.ts';
import { remember, show } from './show.ts';

// The customer's answer to a proposal on screen. Only a yes to that very proposal commits:
// a button carries its id, a typed yes counts while it is the one awaiting confirmation.
// A question is answered with the proposal kept; anything else discards it (releasing its hold).

/** A "confirm:ID" button: commits the proposal with that id, if it is still the one on screen. */
export async function confirmByButton(turn: Turn, env: TurnEnv): Promise<Shown | null> {
  const { choiceValue, rawText } = turn.inbound;
  if (!choiceValue.startsWith('confirm:')) return null;
  const p = turn.state.proposal;
  if (p && p.awaiting === 'confirmation' && p.id === choiceValue.slice('confirm:'.length)) return show(turn, await commitConfirmed(turn, env, p, 'button'));
  return remember(turn, rawText || choiceValue, { messages: [T.proposalGone] });
}

/** A typed answer while a proposal awaits confirmation: yes commits, a bare no declines, anything else moves on. */
export async function confirmByText(turn: Turn, env: TurnEnv): Promise<Shown | null> {
  const pending = turn.state.proposal;
  if (!pending || pending.awaiting !== 'confirmation') return null;
  const { text } = turn.inbound;
  const { catalog } = env;
  const u = understand(text, { now: env.clock(), timeZone: catalog.business.timeZone, services: catalog.services, staff: catalog.staff, expecting: 'confirmation' });
  // "ok but with lee", "ok tuesday at 11 then": a yes that names someone or a time the
  // proposal does not have is a change, not a yes to it.
  const otherStaff = u.staffId !== undefined && !pending.resourceIds.includes(u.staffId);
  // "ok just a trim then, same time" at a color's summary: another service is a change too.
  const otherService = u.serviceId !== undefined && pending.kind === 'book' && u.serviceId !== pending.serviceId;
  const plainYes = u.intent === 'confirm' && !otherStaff && !otherService && !namesOtherTime(u, pending, catalog.business.timeZone);
  // No list was shown for this summary (the time named was proposed at once): it is the only option.
  const pick = turn.state.offersShown ? undefined : readAsOnlyOption(text, { now: env.clock(), timeZone: catalog.business.timeZone, services: catalog.services, staff: catalog.staff });
  // "change it to a haircut instead" at a color's cancel: the color goes, the haircut is asked next.
  const inPlace = await swapAtCancel(text, u, pending, env);
  if (inPlace) {
    const done = await commitConfirmed(turn, env, pending, 'text');
    turn.state.nextRequest = inPlace;
    return show(turn, done);
  }
  if (plainYes || saysTheSameChange(u, pending)) {
    const done = await commitConfirmed(turn, env, pending, 'text');
    // "yes! also what's the address": the question beside the yes is answered after the booking.
    return show(turn, await withQuestionAnswered(env, u, done));
  }
  const again = askConfirmation(pending, 'primary').display;
  // "330" is only read as a time among options; a message the summary reading finds a time in is not re-read.
  const timeAsPick = pick !== undefined && !u.when && !u.choiceTime && !pick.when && restatesProposal(pick, pending, catalog.business.timeZone);
  const picksIt = (pick !== undefined && picksTheOnlyOption(pick, pending)) || timeAsPick;
  const restates = restatesProposal(u, pending, catalog.business.timeZone) || picksIt || restatesDay(text, pending, catalog.business.timeZone);
  if (again && restates) return show(turn, again, text);
  // A question ("where are you located?", "when is my other appointment?") is answered and
  // the summary stays open: asking is not moving on, and the next yes is still to this proposal.
  if (u.intent === 'business_info' || u.intent === 'my_appointments') return null;
  const plainNo = u.intent === 'decline' && !u.when && !u.serviceId && !u.staffId && u.choiceIndex === undefined && !u.choiceTime;
  // "no, 12 instead": the same booking asked otherwise, so its intake answers still hold.
  if (!plainNo && !u.forSomeoneElse) keepIntakeAnswers(turn.state, pending);
  discardProposal(env);
  if (plainNo) {
    turn.state.expecting = null;
    return remember(turn, text, { messages: [T.declined] });
  }
  return null;
}

/** The message names a day or a clock time the proposal's start is not on. */
function namesOtherTime(u: Understanding, p: Proposal, zone: string): boolean {
  if (!u.when || !p.start) return false;
  const start = DateTime.fromISO(p.start, { zone });
  const from = DateTime.fromJSDate(u.when.from, { zone });
  if (u.when.dayNamed === false) return u.when.exactTime && (from.hour !== start.hour || from.minute !== start.minute);
  return start < from || start >= DateTime.fromJSDate(u.when.to, { zone });
}

/**
 * "ok yes cancel it" at a cancel summary, "yes move it" at a move's: a yes that names the
 * very change on screen, nothing else (no other day, time or service), is that yes.
 */
function saysTheSameChange(u: Understanding, p: Proposal): boolean {
  if (u.answer !== 'yes' || u.when || u.shift || u.also || (u.serviceId && u.serviceId !== p.serviceId)) return false;
  return (p.kind === 'cancel' && u.intent === 'cancel') || (p.kind === 'reschedule' && u.intent === 'reschedule');
}

/** Commits the proposal and records the commit as a tool step of the orchestrator. */
export async function commitConfirmed(turn: Turn, env: TurnEnv, p: Proposal, how: 'text' | 'button') {
  const { result, display, locationId } = await commitProposal(env, p);
  if (locationId) turn.shownLocationId = locationId;
  const svc = env.catalog.services.find((s) => s.id === p.serviceId);
  turn.toolsCalled.push(`commit_${p.kind}`);
  turn.transcript.push({
    direction: 'outbound',
    role: 'tool',
    toolCalls: [{ name: `commit_${p.kind}`, proposalId: p.id, confirmedBy: how, service: svc?.slug ?? p.serviceId, start: p.start, appointmentId: p.appointmentId, by: 'orchestrator' }] as Prisma.InputJsonValue,
    toolResult: result as Prisma.InputJsonValue,
  });
  if (result.ok) turn.state.toolFailures = 0;
  turn.state.history.push({ role: 'user', content: turn.inbound.text || 'yes' }, { role: 'assistant', content: display.messages.join('\n'), toolCall: null });
  return display;
}
