import { DateTime } from 'luxon';
import { locationZone, staffName, type Catalog } from '../catalog.ts';
import type { ConversationChannel } from '../../contract/conversation.ts';
import { renderQuestion, serviceQuestions } from '../intake.ts';
import type { ProviderView } from '../providers/types.ts';
import type { ConversationState, Proposal } from '../state.ts';
import { formatSlotLabel } from '../templates.ts';

// What the provider is shown besides the transcript: read-only, ids the model may use
// (offer ids, appointment refs), never an appointment id or the sender's identity.

export function providerView(input: { channel: ConversationChannel; now: Date; catalog: Catalog; state: ConversationState }): ProviderView {
  const { catalog, state, now } = input;
  const refByAppointment = new Map(Object.entries(state.appointmentRefs).map(([ref, id]) => [id, ref]));
  const p = state.proposal;
  return {
    channel: input.channel,
    now: now.toISOString(),
    timeZone: catalog.business.timeZone,
    businessName: catalog.business.name,
    services: catalog.services.map((s) => ({ id: s.id, name: s.name, slug: s.slug, synonyms: s.synonyms, durationMinutes: s.durationMinutes, priceCents: s.priceCents })),
    staff: catalog.staff.map((s) => ({ id: s.id, name: s.name })),
    offers: state.offers
      .filter((o) => new Date(o.expiresAt) > now)
      .map((o) => ({
        id: o.id,
        label: o.label,
        start: o.start,
        local: DateTime.fromISO(o.start, { zone: locationZone(catalog, o.locationId) }).toFormat("yyyy-MM-dd'T'HH:mm"),
        forAppointmentRef: o.forAppointmentId ? (refByAppointment.get(o.forAppointmentId) ?? null) : null,
        resourceIds: o.resourceIds,
      })),
    offersShown: state.offersShown,
    proposal: p ? { kind: p.kind, awaiting: p.awaiting, label: proposalLabel(catalog, p), question: pendingQuestion(catalog, state) } : null,
    expecting: state.expecting,
  };
}

/** The intake question the proposal waits on, so a provider can read the answer as its type. */
function pendingQuestion(catalog: Catalog, state: ConversationState): NonNullable<ProviderView['proposal']>['question'] {
  const p = state.proposal;
  if (p?.awaiting !== 'intake' || !p.intakeQuestionId) return null;
  const q = serviceQuestions(catalog.services.find((s) => s.id === p.serviceId)?.intakeQuestions).find((x) => x.id === p.intakeQuestionId);
  return q ? { id: q.id, type: q.type, options: q.type === 'choice' ? q.options : [], text: renderQuestion(q) } : null;
}

/** "Consultation, Thu Dec 3, 2:00 PM with Lee": the service and time the proposal holds. */
function proposalLabel(catalog: Catalog, p: Proposal): string | null {
  const service = catalog.services.find((s) => s.id === p.serviceId)?.name;
  if (!service || !p.start) return null;
  const zone = p.locationId ? locationZone(catalog, p.locationId) : catalog.business.timeZone;
  return `${service}, ${formatSlotLabel(new Date(p.start), zone, staffName(catalog, p.resourceIds))}`;
}

/** The values the system prompt template fills in. */
export function systemVars(catalog: Catalog, now: Date): Record<string, string> {
  const local = DateTime.fromJSDate(now, { zone: catalog.business.timeZone });
  return {
    business_name: catalog.business.name,
    today: local.toFormat('cccc, LLLL d, yyyy'),
    now_time: local.toFormat('h:mm a'),
    time_zone: catalog.business.timeZone,
  };
}
