import type { Block } from '../../engine/ports.ts';

// Reservations this store wrote itself lately, by resource and hour, handed to the
// one-to-one decisions that read no reservations (SnapshotRequest.reservations false).
// Without them such a decision picks by routing order alone, and when it asks again
// for a time this process booked minutes ago it often names the same person: the
// exclusion constraint refuses the write, and a refused call costs as much as a
// booking on both sides (in the engine bench 15–25% of calls were refused). These
// blocks only steer the pick: the guarded write and the constraint still decide, and
// a decision that finds no one free here is confirmed on a full snapshot.
//
// A noted block is true until its booking is canceled or moved. Those go through a
// transaction of this store, which clears everything (store.ts); another process's
// cancel is not seen, so blocks are forgotten after at most TTL_MS: a time freed
// elsewhere is then routed to as if it had never been taken.

// Blocks are filed by the hour they start in: a lookup for one booking's time reads a
// few short lists whatever the calendar holds.
const BUCKET_MS = 3_600_000;
/** Blocks are kept between TTL_MS / 2 and TTL_MS (two generations, swapped every TTL_MS / 2). */
const TTL_MS = 30_000;
/** A generation holding this many blocks is swapped early, bounding memory. */
const MAX_BLOCKS = 20_000;

/** Blocks by resource and by the hour they start in. */
type Generation = Map<string, Map<number, Block[]>>;

export class RecentWrites {
  private current: Generation = new Map();
  private previous: Generation = new Map();
  private size = 0;
  private swappedAt = performance.now();
  /** The longest block noted, so a lookup reads only the hours a block meeting its range could start in. */
  private longestMs = 0;

  /** The reservations of a booking this store just committed. */
  note(blocks: Block[]): void {
    this.age();
    for (const b of blocks) {
      let buckets = this.current.get(b.resourceId);
      if (!buckets) this.current.set(b.resourceId, (buckets = new Map()));
      const bucket = Math.floor(b.start.getTime() / BUCKET_MS);
      const list = buckets.get(bucket);
      if (list) list.push(b);
      else buckets.set(bucket, [b]);
      this.size++;
      this.longestMs = Math.max(this.longestMs, b.end.getTime() - b.start.getTime());
    }
  }

  /** Noted blocks of these resources overlapping [fromMs, toMs). */
  blocks(resourceIds: string[], fromMs: number, toMs: number): Block[] {
    this.age();
    const out: Block[] = [];
    if (this.size === 0 && this.previous.size === 0) return out;
    const lo = Math.floor((fromMs - this.longestMs) / BUCKET_MS);
    const hi = Math.floor((toMs - 1) / BUCKET_MS);
    for (const gen of [this.current, this.previous]) {
      for (const id of resourceIds) {
        const buckets = gen.get(id);
        if (!buckets) continue;
        for (let bucket = lo; bucket <= hi; bucket++) {
          for (const b of buckets.get(bucket) ?? []) {
            if (b.start.getTime() < toMs && b.end.getTime() > fromMs) out.push(b);
          }
        }
      }
    }
    return out;
  }

  /** Something may have freed time (a cancel, a move): forget every block. */
  clear(): void {
    this.current = new Map();
    this.previous = new Map();
    this.size = 0;
    this.longestMs = 0;
  }

  private age(): void {
    const now = performance.now();
    if (now - this.swappedAt < TTL_MS / 2 && this.size < MAX_BLOCKS) return;
    this.previous = now - this.swappedAt < TTL_MS ? this.current : new Map();
    this.current = new Map();
    this.size = 0;
    this.swappedAt = now;
  }
}
