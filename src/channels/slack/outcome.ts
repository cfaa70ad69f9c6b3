import type { App } from '@slack/bolt';
import { actorOf } from './actor.ts';
import type { AppointmentOutcome, SlackDeps } from './ports.ts';
import { escapeMrkdwn } from './render.ts';
import { describeAppointment } from './render-notice.ts';

// The answer to a no-show prompt (render-notice.ts): Completed or No-show, pressed by
// the appointment's staff member (or a manager+). The outcome is recorded through the
// engine's status change; the prompt is then edited in place to say what was recorded
// and by whom, so it cannot be answered again from there. A second press (a double
// click, another device) records nothing more. Others get an ephemeral refusal.

const WORDS: Record<AppointmentOutcome, string> = { completed: 'Completed', no_show: 'No-show' };

export function registerOutcomes(app: App, deps: Pick<SlackDeps, 'store' | 'config' | 'appointments'>): void {
  app.action(/^outcome:(completed|no_show)$/, async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'button' || !('action_id' in action) || body.type !== 'block_actions') return;
    const outcome = action.action_id.slice('outcome:'.length) as AppointmentOutcome;
    const actor = await actorOf(deps, body.user.id);
    const done = await deps.appointments.recordOutcome({ appointmentId: action.value ?? '', outcome, actor });
    if (!done.ok) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: done.message }));
    const [what, when] = describeAppointment(done.facts);
    if (!body.channel || !body.message) return;
    const subject = escapeMrkdwn(`${what} on ${when}`);
    const line = `${subject}: *${WORDS[outcome]}*${done.changed ? `, recorded by <@${body.user.id}>` : ' (already recorded)'}.`;
    await client.chat.update({
      channel: body.channel.id,
      ts: body.message.ts,
      text: `${subject}: ${WORDS[outcome]}.`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: line } }],
    });
  });
}
