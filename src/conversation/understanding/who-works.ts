// "who works saturdays?", "who's in on monday", "is lee working tomorrow", "which stylists work
// weekends": the team's working days are asked, not a booking. The business's answer names
// each person with their days and hours (tools/business-info.ts, topic 'staff'). Read on the
// text with a person's name said as "the stylist" (index.ts `toStaff`).

const WHO_WORKS = new RegExp(
  [
    String.raw`\bwho(?:'?s| is| are)? (?:works?|working|in|on|there|around|on shift)\b`,
    String.raw`\bwhich (?:stylists?|barbers?|staff|people|one of (?:you|u|them)|of (?:you|u|them|your stylists)) (?:works?|(?:is|are) (?:in|working|on|there))\b`,
    String.raw`\b(?:is|does|will|do) (?:the stylist|anyone|anybody|someone|somebody|either of them|any stylists?|any of (?:the|your) stylists) (?:work|works|working|in|be in|be working|be there)\b`,
  ].join('|'),
);

/** The message asks who works (on a day), not for a booking. */
export function asksWhoWorks(toStaff: string): boolean {
  return WHO_WORKS.test(toStaff);
}
