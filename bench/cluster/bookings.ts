// Concurrent bookings through the admin API and the proxy: several customers ask for
// the same start at once, on whichever process the proxy picks. The engine (and the
// database's exclusion constraint behind it) must let each staff member's time go once.

export interface BookingLoadOptions {
  baseUrl: string;
  adminToken: string;
  service: string;
  /** Distinct starts contended for. */
  slots: number;
  /** Customers asking for each start at once. */
  perSlot: number;
  now: Date;
}

export interface BookingLoadResult {
  attempts: number;
  /** 201s. */
  created: number;
  /** 409s (taken; alternatives offered). */
  refused: number;
  /** Anything else: each is a failure. */
  unexpected: Array<{ status: number; body: string }>;
  ms: number[];
  phones: string[];
}

async function firstSlots(opts: BookingLoadOptions): Promise<string[]> {
  const from = new Date(opts.now.getTime() + 86_400_000).toISOString();
  const to = new Date(opts.now.getTime() + 4 * 86_400_000).toISOString();
  const res = await fetch(`${opts.baseUrl}/api/v1/availability?service=${opts.service}&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${opts.adminToken}` } });
  if (!res.ok) throw new Error(`availability: ${res.status} ${await res.text()}`);
  const { slots } = (await res.json()) as { slots: Array<{ start: string }> };
  const starts = [...new Set(slots.map((s) => s.start))].slice(0, opts.slots);
  if (starts.length < opts.slots) throw new Error(`only ${starts.length} free starts for ${opts.service}`);
  return starts;
}

export async function runBookingLoad(opts: BookingLoadOptions): Promise<BookingLoadResult> {
  const starts = await firstSlots(opts);
  const result: BookingLoadResult = { attempts: 0, created: 0, refused: 0, unexpected: [], ms: [], phones: [] };
  await Promise.all(
    starts.flatMap((start, s) =>
      Array.from({ length: opts.perSlot }, async (_, c) => {
        const phone = `+1917555${String(s * opts.perSlot + c).padStart(4, '0')}`;
        result.phones.push(phone);
        result.attempts++;
        const t0 = process.hrtime.bigint();
        const res = await fetch(`${opts.baseUrl}/api/v1/appointments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${opts.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ service: opts.service, start, customer: { phone, name: `Cluster ${s}-${c}` } }),
        });
        const body = await res.text();
        result.ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.status === 201) result.created++;
        else if (res.status === 409) result.refused++;
        else result.unexpected.push({ status: res.status, body: body.slice(0, 300) });
      }),
    ),
  );
  return result;
}
