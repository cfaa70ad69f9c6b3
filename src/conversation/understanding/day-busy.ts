// "oh wait i work saturday. monday morning instead?", "im busy fri, thurs at 2?": a day the
// customer cannot come is why they ask for another, not the day asked. The clause is dropped
// when the rest of the message names a day of its own; alone ("i work saturday") it stays, so
// whatever else reads it (a day ruled out, a question) still sees it.
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?`;
// "i have a thing friday", "ive got plans sat", "i got something on fri", "something came up friday": a
// plan of the customer's on that day, said as the same reason.
// ("a wedding saturday" is left out: such an event is more often what a booking is placed by, "the day before it".)
const PLANS = String.raw`(?:a thing|something|plans|stuff|a conflict|a work thing|a meeting|practice|class)`;
const BUSY_ON = new RegExp(
  String.raw`\b(?:(?:i|im|i'm|i am)\s+(?:work(?:ing)?|have work|got work|(?:am |'m |m )?(?:busy|working)|(?:can'?t|cannot|can not) (?:do|make(?: it)?|come(?: in)?))|(?:i|we)(?:'?ve| have| got|'?ve got| have got) ${PLANS}(?: going on| on)?|something came up)\s+(?:on\s+)?(?:this |that )?${WEEKDAY}\b(?: (?:morning|afternoon|evening|night|all day))?`,
  'i',
);
const NAMES_DAY = new RegExp(String.raw`\b(?:${WEEKDAY}|today|tmrw|tmr|tomorrow|tomorow|next week|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d|the \d{1,2}(?:st|nd|rd|th)?)\b`, 'i');

// "i have a thing friday so the day before at 2": the busy day is what the new one is counted from, kept.
const REFERS_BACK = /\b(?:before|after|until|till|by) (?:that|then|it)\b|\bthe (?:day|\w+day|week) (?:before|after)\b/i;

/** The text without a day said as the one the customer cannot come, when another day is asked. */
export function withoutBusyDay(text: string): string {
  if (typeof text !== 'string') return text;
  const m = BUSY_ON.exec(text);
  if (!m) return text;
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
  return NAMES_DAY.test(rest) && !REFERS_BACK.test(rest) ? rest.replace(/\s+/g, ' ').trim() : text;
}
