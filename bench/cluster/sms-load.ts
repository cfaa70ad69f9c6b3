import twilio from 'twilio';

// SMS load through the proxy: each conversation walks a booking dialog with signed
// Twilio webhooks. Each conversation's first text is delivered twice at once (a
// Twilio retry racing the original; the round-robin sends the two to different
// processes), so one MessageSid is answered by two processes concurrently.

export const SMS_PATH = '/webhooks/twilio/sms';
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface SmsLoadOptions {
  baseUrl: string;
  publicUrl: string;
  authToken: string;
  conversations: number;
  /** Mean pause after each reply before the customer's next text (0: none). */
  paceMs: number;
}

export interface SmsAnswer {
  sid: string;
  from: string;
  ms: number;
  status: number;
  /** The <Message> text of the TwiML, null for an empty <Response/>. */
  message: string | null;
}

export interface SmsLoadResult {
  answers: SmsAnswer[];
  seconds: number;
  /** Customers' phones, one per conversation. */
  phones: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function script(i: number): string[] {
  return ['hi', `men's haircut ${DAYS[i % DAYS.length]} ${i % 2 ? 'afternoon' : 'morning'}`, String((i % 3) + 1), 'yes', 'my appointments'];
}

function messageText(twiml: string): string | null {
  const m = /<Message>([\s\S]*?)<\/Message>/.exec(twiml);
  return m ? m[1]! : null;
}

async function post(opts: SmsLoadOptions, params: Record<string, string>): Promise<SmsAnswer> {
  const signature = twilio.getExpectedTwilioSignature(opts.authToken, opts.publicUrl + SMS_PATH, params);
  const t0 = process.hrtime.bigint();
  const res = await fetch(opts.baseUrl + SMS_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  const text = await res.text();
  return { sid: params.MessageSid!, from: params.From!, ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.status, message: messageText(text) };
}

export async function runSmsLoad(opts: SmsLoadOptions): Promise<SmsLoadResult> {
  const answers: SmsAnswer[] = [];
  const phones = Array.from({ length: opts.conversations }, (_, i) => `+1646555${String(1000 + i).padStart(4, '0')}`);
  const started = process.hrtime.bigint();
  await Promise.all(
    phones.map(async (from, i) => {
      if (opts.paceMs) await sleep((i * opts.paceMs) / opts.conversations);
      for (const [n, body] of script(i).entries()) {
        const params = { AccountSid: 'AC' + '0'.repeat(32), From: from, To: '+15005550006', Body: body, MessageSid: `SM${String(i).padStart(16, '0')}${String(n).padStart(16, '0')}`, NumMedia: '0' };
        answers.push(...(await Promise.all(n === 0 ? [post(opts, params), post(opts, params)] : [post(opts, params)])));
        if (opts.paceMs) await sleep(opts.paceMs * (0.5 + Math.random()));
      }
    }),
  );
  return { answers, seconds: Number(process.hrtime.bigint() - started) / 1e9, phones };
}
