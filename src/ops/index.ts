import type { OpsActor, OpsCommand } from '../contract/ops.ts';
import type { Exception } from '../generated/prisma/client.ts';
import type { OfferableTime } from '../contract/ops.ts';
import { executeOpsCommand, timesToOffer, type OpsDeps, type OpsOutcome } from './execute.ts';
import { exceptionDetail, listExceptions, openSummary, type ExceptionDetail, type ExceptionQuery, type OpenSummary } from './queries.ts';
import { raiseException, type Raised, type RaiseInput } from './raise.ts';

// The ops core, bound to its ports: raise exceptions, read the inbox, work it.
// Each behaviour lives in its own module; this only wires them.

export interface Ops {
  raise(input: RaiseInput): Promise<Raised>;
  execute(command: OpsCommand, actor: OpsActor): Promise<OpsOutcome>;
  list(actor: OpsActor, query: ExceptionQuery): Promise<Exception[]>;
  get(actor: OpsActor, id: string): Promise<ExceptionDetail>;
  /** The open queue at a glance (counts by type, the oldest few) for someone who works it; null for anyone else. */
  openSummary(actor: OpsActor): Promise<OpenSummary | null>;
  /** The free times Offer new times can send for a no_slot or provider_out exception. */
  timesToOffer(actor: OpsActor, exceptionId: string): Promise<{ serviceName: string; times: OfferableTime[] }>;
}

export function createOps(deps: OpsDeps): Ops {
  return {
    raise: (input) => raiseException(deps.db, { at: deps.clock(), ...input }),
    execute: (command, actor) => executeOpsCommand(deps, command, actor),
    list: (actor, query) => listExceptions(deps.db, actor, query),
    get: (actor, id) => exceptionDetail(deps.db, actor, id),
    openSummary: (actor) => openSummary(deps.db, actor),
    timesToOffer: (actor, exceptionId) => timesToOffer(deps, exceptionId, actor),
  };
}

export { OpsError, type OpsErrorCode } from './errors.ts';
export { raiseException, type RaiseInput } from './raise.ts';
export type { OpsDeps, OpsOutcome, ExceptionDetail, ExceptionQuery, OpenSummary };
