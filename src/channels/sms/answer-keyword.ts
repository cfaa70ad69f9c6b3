import type { SmsInbound } from './inbound-types.ts';
import type { KeywordAction } from './keywords.ts';
import { markOptedIn, markOptedOut } from './optout.ts';
import { formatWhenWithZone } from './render.ts';
import type { BusinessContact, SmsDeps, UpcomingAppointment } from './ports.ts';

// STOP / START / HELP: the carrier keywords, answered by the channel itself, never
// by the orchestrator. Returns the text to answer with, or null for none.

export async function answerKeyword(deps: SmsDeps, inbound: SmsInbound, action: KeywordAction, language: string): Promise<string | null> {
  const business = await deps.store.directory.business();
  const upcoming = action === 'opt_out' ? await markOptedOut(deps, inbound.from, 'STOP keyword') : [];
  if (action === 'opt_in') await markOptedIn(deps, inbound.from);
  // Twilio's Advanced Opt-Out already answered this keyword (OptOutType is set);
  // a second confirmation would be blocked or duplicate.
  if (inbound.optOutType) return null;
  return keywordText({ action, business, language, upcoming });
}

/** The channel's answer to a carrier keyword: who is writing, what it did, and how to undo it. */
export function keywordText(input: { action: KeywordAction; business: BusinessContact | null; language: string; upcoming: UpcomingAppointment[] }): string {
  const { action, business, upcoming } = input;
  const name = business?.name ?? 'Frontdesk';
  const es = input.language === 'es';
  if (action === 'opt_out') {
    // Opting out does not cancel anything ("Cancel" is a carrier opt-out word): say what is
    // still booked and how to reach the business to cancel it.
    const next = upcoming[0];
    const reach = [business?.phone, business?.email].filter(Boolean).join(' or ');
    const still = next
      ? es
        ? ` Su cita de ${next.serviceName} el ${formatWhenWithZone(next.startsAt, next.timeZone)} sigue reservada${upcoming.length > 1 ? ` (y ${upcoming.length - 1} más)` : ''}; para cancelarla contacte ${reach || 'al negocio'}.`
        : ` Your ${next.serviceName} on ${formatWhenWithZone(next.startsAt, next.timeZone)} is still booked${upcoming.length > 1 ? ` (and ${upcoming.length - 1} more)` : ''}; to cancel it, contact us at ${reach || 'the business'}.`
      : '';
    return es
      ? `${name}: no recibirá más mensajes.${still} Responda START para volver a suscribirse.`
      : `${name}: you are unsubscribed and will get no more texts.${still} Reply START to resubscribe.`;
  }
  if (action === 'opt_in') {
    return es
      ? `${name}: está suscrito de nuevo. Responda HELP para ayuda o STOP para darse de baja.`
      : `${name}: you are subscribed again. Reply HELP for help, STOP to opt out.`;
  }
  // HELP also says how to use the service: the orchestrator never sees the word on SMS.
  const contact = [business?.phone, business?.email, business?.website].filter(Boolean).join(', ');
  return es
    ? `${name}: reservas por texto. Escriba qué servicio y cuándo; responda R para cambiar una cita o C para cancelarla.${contact ? ` Contacto: ${contact}.` : ''} Responda STOP para darse de baja. Pueden aplicarse tarifas.`
    : `${name}: appointment booking by text. Text the service and when you'd like it; reply R to reschedule or C to cancel.${contact ? ` Contact: ${contact}.` : ''} Reply STOP to opt out. Msg & data rates may apply.`;
}
