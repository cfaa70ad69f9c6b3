import type { Prisma } from '../../db/client.ts';
import type { InboundAttachment, InboundMessage } from '../../contract/conversation.ts';
import type { TranscriptRow } from '../store.ts';

/** The inbound message as a turn reads it. */
export interface Inbound {
  /** The text as sent (made storable), for the transcript and replies that quote it. */
  rawText: string;
  /** The text the parsers and the model read: no control characters, at most MAX_TEXT. */
  text: string;
  /** A button's value ("confirm:ID", "2"); '' when none. */
  choiceValue: string;
  attachments: InboundAttachment[];
  /** The transcript row recording the message. */
  row: TranscriptRow;
}

export const MAX_TEXT = 2000;

/** Reads a channel's message into what the turn works with; nothing it holds can break a write. */
export function readInbound(message: InboundMessage): Inbound {
  const rawText = storable(typeof message.text === 'string' ? message.text : '');
  const attachments = (message.attachments ?? [])
    .filter((a) => a && typeof a.url === 'string')
    .slice(0, 10)
    .map((a) => ({ url: storable(a.url).slice(0, 2000), contentType: storable(String(a.contentType ?? '')).slice(0, 100) }));
  const choiceValueRaw = typeof message.choiceValue === 'string' ? storable(message.choiceValue).slice(0, 200) : null;
  const row: TranscriptRow = {
    direction: 'inbound',
    role: 'user',
    text: rawText.slice(0, 10_000),
    externalId: message.externalId ?? null,
    attachments:
      attachments.length || message.choiceValue
        ? ({ files: attachments, choiceValue: choiceValueRaw } as unknown as Prisma.InputJsonValue)
        : undefined,
  };
  // Control characters never reach the model or the parsers; long messages are read from the start.
  let text = rawText.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim().slice(0, MAX_TEXT);
  const choiceValue = typeof message.choiceValue === 'string' ? storable(message.choiceValue).trim().slice(0, 200) : '';
  if (!text && choiceValue && !choiceValue.startsWith('confirm:')) text = choiceValue;
  return { rawText, text, choiceValue, attachments, row };
}

/** Postgres text and jsonb refuse NUL and unpaired surrogates; customers can send both. */
function storable(s: string): string {
  return s.replace(/\u0000/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
