// An in-memory reference of what concurrent book/reschedule/cancel calls should have
// left in the database. Each call is stamped with a logical clock when it is sent and
// when its answer arrives; the database committed it somewhere in between. A block is
// therefore "possibly live" during a call if the call that created it was sent before
// this call's answer came, and the call that released it answered after this one was
// sent. A refusal is explained only by a possibly-live overlapping block.

export interface ModelAppointment {
  id: string;
  worker: number;
  resourceId: string;
  start: number;
  /** End of the reserved block, buffers included. */
  blockEnd: number;
  /** Logical time the creating call was sent. */
  bornAt: number;
  /** Logical time the releasing call answered; Infinity while live. */
  diedAt: number;
  fate: 'live' | 'canceled' | 'rescheduled';
  successorId?: string;
}

export interface Window {
  sentAt: number;
  answeredAt: number;
}

export class BookingModel {
  readonly appointments = new Map<string, ModelAppointment>();
  private tick = 0;

  constructor(private readonly blockMinutes: number) {}

  now(): number {
    return ++this.tick;
  }

  added(a: { id: string; worker: number; resourceId: string; start: number; bornAt: number }): void {
    this.appointments.set(a.id, { ...a, blockEnd: a.start + this.blockMinutes * 60_000, diedAt: Infinity, fate: 'live' });
  }

  ended(id: string, fate: 'canceled' | 'rescheduled', diedAt: number, successorId?: string): void {
    const a = this.appointments.get(id)!;
    Object.assign(a, { fate, diedAt, successorId });
  }

  /**
   * Whether every candidate resource had a block, possibly live during the call,
   * overlapping [start, start + block). The appointment being moved never counts:
   * its new time may overlap its old one.
   */
  conflictExplained(q: { start: number; candidates: string[]; window: Window; moving?: string }): boolean {
    return this.unblocked(q).length === 0;
  }

  /** The candidates no possibly-live block explains being refused: a failure names them. */
  unblocked(q: { start: number; candidates: string[]; window: Window; moving?: string }): string[] {
    const end = q.start + this.blockMinutes * 60_000;
    return q.candidates.filter(
      (resourceId) =>
        ![...this.appointments.values()].some(
          (a) =>
            a.resourceId === resourceId &&
            a.id !== q.moving &&
            a.bornAt < q.window.answeredAt &&
            a.diedAt > q.window.sentAt &&
            a.start < end &&
            q.start < a.blockEnd,
        ),
    );
  }

  live(): ModelAppointment[] {
    return [...this.appointments.values()].filter((a) => a.fate === 'live');
  }
}

/** Small deterministic PRNG (mulberry32) so a worker's choices can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
