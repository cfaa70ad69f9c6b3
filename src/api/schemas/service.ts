import { z } from 'zod';
import { booleanQuery, label, minutes, pageQuery, tags, timestamps, uuid, withoutDefaults } from './common.ts';
import { IntakeQuestions } from '../../engine/intake.ts';

export const resourceKind = z.enum(['staff', 'room', 'equipment']);
export const routingStrategy = z.enum(['round_robin', 'least_busy', 'previous_provider', 'language_first']);

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lowercase words joined by hyphens, e.g. mens-haircut' })
  .max(80);

export const ServiceRequirementInput = z.strictObject({
  kind: resourceKind,
  skills: tags.default([]).meta({ description: 'A resource of this kind with all these skills is eligible' }),
});

const requirements = z
  .array(ServiceRequirementInput)
  .min(1, { message: 'a service needs at least one resource kind (usually staff)' })
  .superRefine((reqs, ctx) => {
    const kinds = reqs.map((r) => r.kind);
    kinds.forEach((k, i) => {
      if (kinds.indexOf(k) !== i) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `"${k}" is listed twice` });
    });
  });

const WEEK = 7 * 24 * 60;

/** The fields that decide what can be booked and how; changing any of them bumps ruleVersion. */
const ruleFields = {
  durationMinutes: z.int().min(1).max(24 * 60).meta({ description: 'The default length; the only one unless min/max duration are set' }),
  minDurationMinutes: z
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .default(null)
    .meta({ description: 'With maxDurationMinutes: requesters may choose the length (min ≤ durationMinutes ≤ max); one-to-one services only' }),
  maxDurationMinutes: z.int().min(1).max(24 * 60).nullable().default(null),
  durationStepMinutes: z.int().min(1).max(24 * 60).default(15).meta({ description: 'Chosen lengths are minDurationMinutes plus a multiple of this' }),
  bufferBeforeMinutes: minutes(24 * 60).default(0),
  bufferAfterMinutes: minutes(24 * 60).default(0),
  minNoticeMinutes: minutes(365 * 24 * 60).default(0),
  maxHorizonDays: z.int().min(1).max(730).default(60).meta({ description: "Bookable through the whole local day this many days ahead, in the location's zone" }),
  slotStepMinutes: z.int().min(1).max(24 * 60).default(15),
  seats: z.int().min(1).max(1000).default(1).meta({ description: 'Attendees per session: 1 for one-to-one, more for classes' }),
  requiresApproval: z.boolean().default(false),
  routingStrategy: routingStrategy.default('round_robin'),
  intakeQuestions: IntakeQuestions.default([]),
  reminderOffsetsMinutes: z.array(z.int().min(1).max(WEEK * 4)).max(10).default([1440, 120]),
  cancellationWindowMinutes: minutes(WEEK * 4).default(1440),
  requirements: requirements.default([{ kind: 'staff', skills: [] }]),
  eligibleResourceIds: z.array(uuid).max(500).default([]).meta({ description: 'Resources that serve this service regardless of skills' }),
};

const otherFields = {
  name: label,
  slug,
  description: z.string().max(2000).nullable().optional(),
  synonyms: tags.default([]).meta({ description: 'Other words customers use for this service' }),
  priceCents: z.int().min(0).nullable().optional(),
  active: z.boolean().default(true),
};

export const RULE_FIELDS = Object.keys(ruleFields) as Array<keyof typeof ruleFields>;

export const ServiceCreate = z.strictObject({ ...otherFields, ...ruleFields });

/** Same fields, none defaulted: an update changes only what it names. */
export const ServiceUpdate = z.strictObject(withoutDefaults(ServiceCreate.shape)).partial();

export const ServiceListQuery = z.strictObject({ ...pageQuery, active: booleanQuery.optional() });

export const ServiceView = z.strictObject({
  id: uuid,
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  synonyms: z.array(z.string()),
  durationMinutes: z.int(),
  minDurationMinutes: z.int().nullable(),
  maxDurationMinutes: z.int().nullable(),
  durationStepMinutes: z.int(),
  bufferBeforeMinutes: z.int(),
  bufferAfterMinutes: z.int(),
  minNoticeMinutes: z.int(),
  maxHorizonDays: z.int(),
  slotStepMinutes: z.int(),
  seats: z.int(),
  requiresApproval: z.boolean(),
  routingStrategy,
  intakeQuestions: IntakeQuestions,
  reminderOffsetsMinutes: z.array(z.int()),
  cancellationWindowMinutes: z.int(),
  priceCents: z.int().nullable(),
  active: z.boolean(),
  ruleVersion: z.int(),
  requirements: z.array(z.strictObject({ kind: resourceKind, skills: z.array(z.string()) })),
  eligibleResourceIds: z.array(uuid),
  ...timestamps,
});

/** The length fields of a service as it will be stored. */
export interface DurationRange {
  durationMinutes: number;
  minDurationMinutes: number | null;
  maxDurationMinutes: number | null;
  durationStepMinutes: number;
  seats: number;
}

/** Field errors of a service's length range; empty when requesters can book every length it promises. */
export function durationRangeErrors(r: DurationRange): Array<{ field: string; message: string }> {
  const { durationMinutes: def, minDurationMinutes: min, maxDurationMinutes: max, durationStepMinutes: step } = r;
  if (min === null && max === null) return [];
  if (min === null || max === null) {
    return [{ field: min === null ? 'minDurationMinutes' : 'maxDurationMinutes', message: 'set both minDurationMinutes and maxDurationMinutes, or neither' }];
  }
  if (min > def) return [{ field: 'minDurationMinutes', message: `must be at most durationMinutes (${def})` }];
  if (max < def) return [{ field: 'maxDurationMinutes', message: `must be at least durationMinutes (${def})` }];
  if ((def - min) % step !== 0) return [{ field: 'durationStepMinutes', message: `durationMinutes (${def}) must be minDurationMinutes (${min}) plus a multiple of ${step}` }];
  // A class's session is one shared start and end: everyone in it has the same length.
  if (r.seats > 1) return [{ field: 'seats', message: 'a service with several seats has one fixed length; remove minDurationMinutes and maxDurationMinutes' }];
  return [];
}
