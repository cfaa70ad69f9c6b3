import { DateTime } from 'luxon';
import { locationZone, type Catalog } from '../catalog.ts';
import type { ConversationChannel } from '../../contract/conversation.ts';
import { serviceQuestions } from '../intake.ts';
import type { ProviderView } from '../providers/types.ts';
import type { ConversationState } from '../state.ts';

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
    services: catalog.services.map((s) => ({ id: s.id, name: s.name, slug: s.slug, synonyms: s.synonyms })),
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
    proposal: p ? { kind: p.kind, awaiting: p.awaiting, question: pendingQuestion(catalog, state) } : null,
    expecting: state.expecting,
  };
}

/** The intake question the proposal waits on, so a provider can read the answer as its type. */
function pendingQuestion(catalog: Catalog, state: ConversationState): NonNullable<ProviderView['proposal']>['question'] {
  const p = state.proposal;
  if (p?.awaiting !== 'intake' || !p.intakeQuestionId) return null;
  const q = serviceQuestions(catalog.services.find((s) => s.id === p.serviceId)?.intakeQuestions).find((x) => x.id === p.intakeQuestionId);
  return q ? { id: q.id, type: q.type, options: q.type === 'choice' ? q.options : [] } : null;
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
