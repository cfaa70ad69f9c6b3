import type { App, webApi } from '@slack/bolt';
import type { Orchestrator } from '../../contract/conversation.ts';
import type { Logger } from '../../log.ts';
import { actorOf } from './actor.ts';
import type { PostQueue } from './post-queue.ts';
import type { SlackDeps } from './ports.ts';
import { renderReply, type SlackMessage } from './render.ts';
import { homeView, renderMyAppointments } from './render-appointments.ts';
import { describeAppointment } from './render-notice.ts';

// A colleague's own bookings: /appointments (or `/book list`) lists them (ephemeral) with
// Reschedule and Cancel, and for staff their schedule today (the appointments they
// provide) with Reschedule (move-modal.ts) and Cancel; and the App Home tab shows the same
// lists plus, for people who work the exception queue, its open exceptions by type. Cancel goes straight to the engine
// (after Slack's confirm dialog) and the list is redrawn in place: the ephemeral
// message through response_url (replace_original), the Home tab by views.publish.
// Reschedule of one's own booking hands it to the conversation, which offers new times.

export interface MyAppointmentsDeps extends Pick<SlackDeps, 'store' | 'config' | 'appointments' | 'ops'> {
  orchestrator: Orchestrator;
  log: Logger;
  posts: PostQueue;
}

/** What /appointments and `/book list` show: the user's bookings and, for staff, their schedule today. */
export async function myAppointmentsMessage(deps: Pick<MyAppointmentsDeps, 'appointments'>, userId: string, note?: string): Promise<SlackMessage> {
  const [bookings, schedule] = await Promise.all([deps.appointments.upcomingFor(userId), deps.appointments.scheduleToday(userId)]);
  return renderMyAppointments(bookings, note, schedule);
}

async function publishHome(client: webApi.WebClient, deps: MyAppointmentsDeps, userId: string, note?: string): Promise<void> {
  const actor = await actorOf(deps, userId);
  const [bookings, schedule, queue] = await Promise.all([deps.appointments.upcomingFor(userId), deps.appointments.scheduleToday(userId), deps.ops.openSummary(actor)]);
  await client.views.publish({ user_id: userId, view: homeView({ bookings, schedule, queue, note }) });
}

export function registerMyAppointments(app: App, deps: MyAppointmentsDeps): void {
  app.command('/appointments', async ({ command, ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', ...(await myAppointmentsMessage(deps, command.user_id)) });
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    // A retried delivery (same event id) publishes nothing again.
    if (!(await deps.store.claimEvent(body.event_id))) return;
    await publishHome(client, deps, event.user);
  });

  app.action('appointment:cancel', async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const actor = await actorOf(deps, body.user.id);
    const done = await deps.appointments.cancel({ appointmentId: action.value ?? '', actor });
    const fromHome = body.view?.type === 'home';
    if (!done.ok) {
      if (fromHome) return void (await publishHome(client, deps, body.user.id, done.message));
      return void (await respond({ response_type: 'ephemeral', replace_original: false, text: done.message }));
    }
    const note = `${done.changed ? 'Canceled' : 'Already canceled'}: ${describeAppointment(done.facts).slice(0, 2).join(', ')}.`;
    if (fromHome) return void (await publishHome(client, deps, body.user.id, note));
    await respond({ replace_original: true, ...(await myAppointmentsMessage(deps, body.user.id, note)) });
  });

  app.action('appointment:reschedule', async ({ body, action, ack, respond, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const booking = (await deps.appointments.upcomingFor(body.user.id)).find((a) => a.id === action.value);
    const text = booking ? `reschedule my ${booking.serviceName}` : 'reschedule';
    let reply;
    try {
      reply = renderReply(await deps.orchestrator.handle({ channel: 'slack', senderIdentity: body.user.id, text, externalId: `action:${body.trigger_id}` }));
    } catch (err) {
      deps.log.error({ err, channel: 'slack' }, 'the conversation failed for a Slack reschedule');
      reply = renderReply({ messages: ['Sorry, something went wrong on our side. Please try again in a moment.'] });
    }
    // From the Home tab there is no message to replace: the conversation goes on in the DM.
    if (body.view?.type === 'home') return void (await deps.posts.run(body.user.id, () => client.chat.postMessage({ channel: body.user.id, ...reply })));
    await respond({ replace_original: true, ...reply });
  });
}
