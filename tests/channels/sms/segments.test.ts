import { describe, expect, it } from 'vitest';
import { countSegments, fitToSegments, isGsm7, normalizeForSms } from '../../../src/channels/sms/segments.ts';
import { classifyKeyword } from '../../../src/channels/sms/keywords.ts';
import { renderReply, formatWhenWithZone } from '../../../src/channels/sms/render.ts';
import { zoneMayDiffer } from '../../../src/channels/sms/phone.ts';
import { normalizePhone } from '../../../src/phone.ts';

describe('segment counting', () => {
  it('counts GSM-7 at 160 alone and 153 per part', () => {
    expect(countSegments('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSegments('a'.repeat(459)).segments).toBe(3);
    expect(countSegments('a'.repeat(460)).segments).toBe(4);
  });

  it('counts GSM-7 extension characters as two septets and never splits them', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81)).segments).toBe(2);
    // 152 plain + one escape pair would straddle the 153 boundary: it moves whole.
    expect(countSegments('a'.repeat(152) + '{' + 'a'.repeat(10)).segments).toBe(2);
    expect(countSegments('a'.repeat(152) + '{' + 'a'.repeat(152)).segments).toBe(3);
  });

  it('switches to UCS-2 at 70 / 67 for any non-GSM character', () => {
    expect(isGsm7('Café à 10h, Ñandù £5 @home')).toBe(true);
    expect(isGsm7('Ñandú')).toBe(false);
    expect(isGsm7('Thanks! 😊')).toBe(false);
    expect(countSegments('b'.repeat(69) + 'ł')).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments('b'.repeat(70) + 'ł').segments).toBe(2);
    expect(countSegments('b'.repeat(133) + 'ł').segments).toBe(2);
    expect(countSegments('b'.repeat(134) + 'ł').segments).toBe(3);
  });

  it('counts an emoji as two UTF-16 units and never splits the pair', () => {
    expect(countSegments('😊').units).toBe(2);
    expect(countSegments('😊'.repeat(35)).segments).toBe(1);
    // 66 units, then a pair that would cross 67: it starts the next part.
    expect(countSegments('x'.repeat(66) + '😊' + 'x'.repeat(10)).segments).toBe(2);
    expect(countSegments('x'.repeat(66) + '😊' + 'x'.repeat(66)).segments).toBe(3);
  });
});

describe('shaping', () => {
  it('replaces typographic quotes and dashes that would force UCS-2', () => {
    const t = normalizeForSms('Don’t forget – it’s “today”…');
    expect(t).toBe('Don\'t forget - it\'s "today"...');
    expect(isGsm7(t)).toBe(true);
  });

  it('drops numbered options whole from the end, keeps the first one and the trailing instruction', () => {
    const opts = Array.from({ length: 20 }, (_, i) => `${i + 1}) Wed Dec ${i + 1}, 9:15 AM with Dana`);
    const text = ['Openings for Haircut:', ...opts, 'Reply with a number.'].join('\n');
    const fitted = fitToSegments(text, 3);
    expect(countSegments(fitted).segments).toBeLessThanOrEqual(3);
    const lines = fitted.split('\n');
    expect(lines[0]).toBe('Openings for Haircut:');
    expect(lines.at(-1)).toBe('Reply with a number.');
    const kept = lines.slice(1, -1);
    expect(kept).toEqual(opts.slice(0, kept.length));
    // As many as fit: one more would not.
    const withOneMore = ['Openings for Haircut:', ...opts.slice(0, kept.length + 1), 'Reply with a number.'].join('\n');
    expect(countSegments(withOneMore).segments).toBeGreaterThan(3);
  });

  it('cuts plain prose at a word boundary only as a last resort', () => {
    const long = 'word '.repeat(200).trim();
    const fitted = fitToSegments(long, 1);
    expect(countSegments(fitted).segments).toBe(1);
    expect(fitted.endsWith('word...')).toBe(true);
  });

  it('leaves a short text alone', () => {
    expect(fitToSegments('Booked: Haircut, Tue Dec 1, 3:00 PM.')).toBe('Booked: Haircut, Tue Dec 1, 3:00 PM.');
  });
});

describe('rendering replies', () => {
  it('appends choices the text does not offer, never a carrier keyword', () => {
    const text = renderReply({
      messages: ['Move your Haircut to Tue 3:00 PM?'],
      choices: [
        { value: 'y', label: 'Confirm' },
        { value: 'cancel', label: 'Cancel it' },
        { value: 'confirm:AB12', label: 'Confirm (button)' },
      ],
    });
    expect(text).toBe('Move your Haircut to Tue 3:00 PM?\nY = Confirm');
  });

  it('does not repeat options the text already lists', () => {
    const text = renderReply({ messages: ['Pick one:\n1) A\n2) B', 'Reply Y or N'], choices: [{ value: '1', label: 'A' }, { value: '2', label: 'B' }, { value: 'Y', label: 'Yes' }] });
    expect(text).toBe('Pick one:\n1) A\n2) B\nReply Y or N');
  });

  it('names the zone when the customer may be elsewhere', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    expect(renderReply({ messages: ['Booked: Tue Jan 13, 3:00 PM'] }, { zoneNote: { timeZone: 'America/Chicago', now } })).toBe('Booked: Tue Jan 13, 3:00 PM\nTimes are CT.');
    expect(renderReply({ messages: ['Hello'] }, { zoneNote: { timeZone: 'America/Chicago', now } })).toBe('Hello');
    expect(formatWhenWithZone(new Date('2026-07-01T19:00:00Z'), 'America/New_York')).toBe('Wed Jul 1, 3:00 PM EDT');
    expect(formatWhenWithZone(new Date('2026-01-01T20:00:00Z'), 'America/New_York')).toBe('Thu Jan 1, 3:00 PM EST');
  });
});

describe('keywords and phones', () => {
  it('recognises keywords only as the whole message', () => {
    expect(classifyKeyword('  stop ', false)).toBe('opt_out');
    expect(classifyKeyword('STOP!', false)).toBe('opt_out');
    expect(classifyKeyword('please stop texting', false)).toBeNull();
    expect(classifyKeyword('Cancel', false)).toBe('opt_out');
    expect(classifyKeyword('cancel my haircut', false)).toBeNull();
    expect(classifyKeyword('yes', false)).toBeNull();
    expect(classifyKeyword('yes', true)).toBe('opt_in');
    expect(classifyKeyword('unstop', false)).toBe('opt_in');
    expect(classifyKeyword('Info', false)).toBe('help');
  });

  it('normalizes phones to E.164 and judges zone differences by country', () => {
    expect(normalizePhone('+1 (212) 555-0123')).toBe('+12125550123');
    expect(normalizePhone('212-555-0123')).toBe('+12125550123');
    expect(normalizePhone('07400 123456', 'GB')).toBe('+447400123456');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('')).toBeNull();
    expect(zoneMayDiffer('+447400123456', '+442071838750')).toBe(false);
    expect(zoneMayDiffer('+12125550123', '+12125550100')).toBe(true);
    expect(zoneMayDiffer('+447400123456', '+12125550100')).toBe(true);
  });
});
