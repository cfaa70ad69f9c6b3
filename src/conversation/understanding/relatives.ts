// The words for a person of the customer's family or circle: "my son", "my wife's color",
// "my other daughter", "me and my bf", "my mother can go at 3". One list, because many readings
// ask the same question of a "my ...": a person, or a booking? (a relative's booking is never the
// sender's own). Each reading once kept its own copy, and the copies drifted: "my mother" was a
// person to one reading and a booking to the next. Words a reading adds for itself (he/she,
// appt/booking) stay beside that reading.
// The sources hold no boundary: each reading puts its own around them ("\b", "('?s)?\b").

// Each relative, one to a line, as [one, several].
const KIN: readonly (readonly [one: string, several: string])[] = [
  ['son', 'sons'],
  ['daughter', 'daughters'],
  ['kid', 'kids'],
  ['child', 'children'],
  ['boy', 'boys'],
  ['girl', 'girls'],
  ['baby', 'babies'],
  ['toddler', 'toddlers'],
  ['twin', 'twins'],
  ['husband', 'husbands'],
  ['hubby', 'hubbies'],
  ['wife', 'wives'],
  ['spouse', 'spouses'],
  ['partner', 'partners'],
  ['fiance', 'fiances'],
  ['fiancee', 'fiancees'],
  ['boyfriend', 'boyfriends'],
  ['girlfriend', 'girlfriends'],
  ['bf', 'bfs'],
  ['gf', 'gfs'],
  ['friend', 'friends'],
  ['roommate', 'roommates'],
  ['mom', 'moms'],
  ['mum', 'mums'],
  ['mother', 'mothers'],
  ['dad', 'dads'],
  ['father', 'fathers'],
  ['brother', 'brothers'],
  ['sister', 'sisters'],
  ['cousin', 'cousins'],
  ['niece', 'nieces'],
  ['nephew', 'nephews'],
  ['aunt', 'aunts'],
  ['uncle', 'uncles'],
  ['grandma', 'grandmas'],
  ['grandpa', 'grandpas'],
  ['grandson', 'grandsons'],
  ['granddaughter', 'granddaughters'],
  ['grandkid', 'grandkids'],
  ['grandchild', 'grandchildren'],
];

// Longest first, so a reading with no boundary after the list still takes the whole word
// ("boyfriend", not its "boy").
function alternatives(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

/** A relative, one or several: "son", "sons", "wife", "wives", "children" (a regex source, no group). */
export const RELATIVES = alternatives(KIN.flat());

/** One relative: "son", "wife", "bf" ("my son and daughter" names two people, one each). */
export const ONE_RELATIVE = alternatives(KIN.map(([one]) => one));

/** Several relatives: "sons", "wives", "children" ("both my boys", "my kids"). */
export const SEVERAL_RELATIVES = alternatives(KIN.map(([, several]) => several));
