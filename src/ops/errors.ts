// What the ops core refuses, as one typed error every surface (the admin API, a
// Slack or Teams button) turns into its own answer: a problem document, an
// ephemeral message. The message is written for the person who pressed the button.

export type OpsErrorCode =
  /** No such exception, or not one the actor may see (staff see only their own). */
  | 'not_found'
  /** The actor's role may not do this at all. */
  | 'forbidden'
  /** The exception's status does not allow the step (resolving a dismissed one). */
  | 'invalid_transition'
  /** The step does not exist for this exception type (approving a failed message). */
  | 'unsupported'
  /** The assignee is not a user who could work the exception. */
  | 'invalid_assignee'
  /** No channel reaches the customer (no conversation, no phone, or no notifier for it). */
  | 'unreachable'
  /** The scheduler refused the appointment change behind the step. */
  | 'refused';

export class OpsError extends Error {
  override name = 'OpsError';
  constructor(
    readonly code: OpsErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
