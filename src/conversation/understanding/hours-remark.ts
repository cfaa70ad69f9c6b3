// "could i come thursday at 6 no wait u close at 6 right so 5:30": the business's own hours
// said back ("u close at 6", "you guys open at 9", "ur open till 7") are no time the customer
// asks for. They are left out of the date reading, so the time asked is the one that counts.

const WHO = String.raw`(?:u|you|ya|y'?all|you guys|u guys|ur|you'?re|youre|you are|the salon|the shop|yall)`;
const CLOCK = String.raw`(?:noon|\d{1,2}(?::\d{2})?(?: ?(?:a\.?m\.?|p\.?m\.?))?)`;
const REMARK = new RegExp(String.raw`\b${WHO} (?:close|closes|closing|shut|open|opens|are open|are closed|closed|'?re open|'?re closed)(?: up)? (?:at|by|till|til|until) ${CLOCK}(?! ?(?:on|this|next|tomorrow|tmrw)\b)`, 'g');

/** The text without the business's hours said back. */
export function withoutHoursRemark(text: string): string {
  return text.replace(REMARK, ' ');
}
