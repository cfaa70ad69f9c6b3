import { describe, expect, it } from 'vitest';
import { useOpenAIHarness } from './support/openai-harness.ts';

// "how late can i start a color thursday": find_slots with `latest` lists the last openings of
// the window, the last first, and says so; the same window without it lists the day from its
// start. Through a model on the fake server, so any provider that sets the flag gets it.

const h = useOpenAIHarness();
const COLOR_THURSDAY = { service: 'color', from: '2026-12-03', to: null, exact_time: null, staff: null, appointment_ref: null, duration_minutes: null, min_capacity: null };

describe('find_slots asked for the latest openings', () => {
  it('lists the last starts that still end within hours, the latest first, under its own heading', async () => {
    h.script(() => ({ tool: 'find_slots', args: { ...COLOR_THURSDAY, latest: true } }));
    const r = await h.say(h.orchestrator(), 'how late can i start a color on thursday');
    const text = r.messages.join('\n');
    expect(text).toContain('The latest openings for Color:');
    expect(text).not.toMatch(/close|No openings/);
    const times = [...text.matchAll(/\d\) Thu Dec 3, (\d{1,2}:\d\d [AP]M)/g)].map((m) => m[1]);
    expect(times).toEqual(['3:30 PM', '3:00 PM', '2:30 PM', '2:00 PM']);
  });

  it('without it lists the window from its start', async () => {
    h.script(() => ({ tool: 'find_slots', args: COLOR_THURSDAY }));
    const r = await h.say(h.orchestrator(), 'a color on thursday');
    const text = r.messages.join('\n');
    expect(text).toContain('Openings for Color:');
    expect(text).toContain('1) Thu Dec 3, 9:00 AM with Dana');
  });

  it('on a day with nothing open lists the nearest openings after it, as any search', async () => {
    h.script(() => ({ tool: 'find_slots', args: { ...COLOR_THURSDAY, from: '2026-12-06', latest: true } }));
    const r = await h.say(h.orchestrator(), 'latest color on sunday?');
    const text = r.messages.join('\n');
    expect(text).not.toContain('The latest openings');
    expect(text).toMatch(/Mon Dec 7/);
  });
});
