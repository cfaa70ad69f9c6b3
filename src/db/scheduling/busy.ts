import type { Block } from '../../engine/ports.ts';

// Reservations kept in memory per resource and UTC day of the block start, so a slot
// search reads again only the resource-days that changed. Triggers note every
// reservation write in busy_change with its transaction id (migration
// 20261205010000_busy_change). The copy is as of one pg_snapshot (`asOf`); the next
// read, in the same statement as the rest of the snapshot (snapshot.ts DYNAMIC_SQL),
// lists the resource-days of every transaction committed since (not visible in asOf,
// visible now), drops them and reads the requested ones again together with the days
// never read. Everything then holds as of that statement's snapshot, exactly as a full
// read would. Reads are serialized per store: each one's delta starts where the last
// one ended, so snapshots only move forward.
//
// Appointment and hold rows feed the cached blocks only with fields that never change
// after insert (start, service); a hold's expiry is kept and compared with each
// request's `now`, as the full read does.

const DAY = 86_400_000;
/** Reservations never last longer than this (snapshot.ts LONGEST_BLOCK). */
const LONGEST_BLOCK_MS = 3 * DAY;
/** busy_change keeps ten million transactions; a copy this many transactions old is read again whole. */
const STALE_XIDS = 1_000_000n;
/** Resource-days kept before the copy is dropped and read again as needed. */
const MAX_DAYS = 200_000;

interface CachedBlock {
  start: number;
  end: number;
  bookedStart: number;
  serviceId: string;
  ownerId: string;
  sessionKey: string;
  /** Null for an appointment's reservation. */
  holdExpires: number | null;
}

/** What one read asks for: DYNAMIC_SQL's $11. */
export interface BusyQuery {
  asOf: string | null;
  /** Days (since the epoch) of the window; changed days outside it are only dropped. */
  lo: number;
  hi: number;
  /** Resource-days never read: ri is the resource's position in $1. */
  missing: Array<{ ri: number; day: number }>;
}

/** What the read answers: the statement's snapshot, the changed days and the blocks read. */
export interface BusyAnswer {
  as_of: string;
  /** "resource,day" lines. */
  changed: string | null;
  /** "ri,day,start,end,booked,service,owner,holdExpires[,session]" lines (see DYNAMIC_SQL). */
  busy: string | null;
}

export class BusyCache {
  private asOf: string | null = null;
  private readonly byResource = new Map<string, Map<number, CachedBlock[]>>();
  private size = 0;
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs reads one after another, so each delta starts at the previous read's snapshot. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  query(resourceIds: string[], fromMs: number, toMs: number): BusyQuery {
    const { lo, hi } = dayRange(fromMs, toMs);
    const missing: BusyQuery['missing'] = [];
    resourceIds.forEach((id, ri) => {
      const days = this.byResource.get(id);
      for (let day = lo; day <= hi; day++) if (!days?.has(day)) missing.push({ ri, day });
    });
    return { asOf: this.asOf, lo, hi, missing };
  }

  /**
   * Applies an answer to `q`; false when the copy was too old for busy_change to vouch
   * for it, in which case it is now empty and the read must be repeated.
   */
  apply(resourceIds: string[], q: BusyQuery, a: BusyAnswer): boolean {
    if (q.asOf !== null && xmin(a.as_of) - xmin(q.asOf) > STALE_XIDS) {
      this.clear();
      return false;
    }
    const loaded = new Map<string, Set<number>>();
    const load = (id: string, day: number) => {
      let days = loaded.get(id);
      if (!days) loaded.set(id, (days = new Set()));
      days.add(day);
    };
    for (const m of q.missing) load(resourceIds[m.ri]!, m.day);
    const requested = new Set(resourceIds);
    for (const line of a.changed ? a.changed.split('\n') : []) {
      const [id, d] = line.split(',');
      const day = Number(d);
      if (this.byResource.get(id!)?.delete(day)) this.size--;
      if (requested.has(id!) && day >= q.lo && day <= q.hi) load(id!, day);
    }
    const fresh = parseBusy(a.busy, resourceIds);
    for (const [id, days] of loaded) {
      let cached = this.byResource.get(id);
      if (!cached) this.byResource.set(id, (cached = new Map()));
      for (const day of days) {
        if (!cached.has(day)) this.size++;
        cached.set(day, fresh.get(`${id}|${day}`) ?? []);
      }
    }
    this.asOf = a.as_of;
    if (this.size > MAX_DAYS) this.clear();
    return true;
  }

  /** The reservations of these resources a full read of [fromMs, toMs) at `nowMs` would return. */
  blocks(resourceIds: string[], fromMs: number, toMs: number, nowMs: number): Block[] {
    const { lo, hi } = dayRange(fromMs, toMs);
    const out: Block[] = [];
    for (const resourceId of resourceIds) {
      const days = this.byResource.get(resourceId);
      for (let day = lo; day <= hi; day++) {
        for (const b of days?.get(day) ?? []) {
          if (b.start >= toMs || b.start <= fromMs - LONGEST_BLOCK_MS || b.end <= fromMs) continue;
          if (b.holdExpires !== null && b.holdExpires <= nowMs) continue;
          out.push({
            resourceId,
            start: new Date(b.start),
            end: new Date(b.end),
            sessionKey: b.sessionKey,
            bookedStart: new Date(b.bookedStart),
            serviceId: b.serviceId,
            ownerId: b.ownerId,
          });
        }
      }
    }
    return out;
  }

  clear(): void {
    this.asOf = null;
    this.byResource.clear();
    this.size = 0;
  }
}

/** The days whose blocks can overlap [fromMs, toMs): a block starts at most LONGEST_BLOCK before it ends. */
function dayRange(fromMs: number, toMs: number): { lo: number; hi: number } {
  return { lo: Math.floor((fromMs - LONGEST_BLOCK_MS) / DAY), hi: Math.floor((toMs - 1) / DAY) };
}

/** pg_snapshot text is "xmin:xmax:xip,…". */
function xmin(snapshot: string): bigint {
  return BigInt(snapshot.slice(0, snapshot.indexOf(':')));
}

function parseBusy(text: string | null, resourceIds: string[]): Map<string, CachedBlock[]> {
  const out = new Map<string, CachedBlock[]>();
  for (const line of text ? text.split('\n') : []) {
    const f = line.split(',');
    const key = `${resourceIds[Number(f[0])]}|${f[1]}`;
    const owner = f[6]!;
    const block: CachedBlock = {
      start: Number(f[2]),
      end: Number(f[3]),
      bookedStart: Number(f[4]),
      serviceId: f[5]!,
      ownerId: owner,
      holdExpires: f[7] === '' ? null : Number(f[7]),
      // Keys are ids, "hold:<id>" or "<service id>:<ISO instant>"; rejoining the rest keeps any other key whole.
      sessionKey: f.length > 8 ? f.slice(8).join(',') : owner,
    };
    const list = out.get(key);
    if (list) list.push(block);
    else out.set(key, [block]);
  }
  return out;
}
