// "a cut with whoever does the color there", "the girl who did my highlights", "with the one
// that does consults": a service said to name the person who does it, not what is booked.
// The phrase is taken out so the request's own service is read from the rest; the service
// it names is kept for the caller, which learns from the schedule who does it.

const WHO = String.raw`(?:who ?ever|the (?:one|person|lady|guy|girl|stylist|woman|man|tech|colou?rist)(?: who| that)?|(?<=\bwith |\bw )(?:someone|somebody|the person) (?:who|that))`;
const DOES = String.raw`(?:does|did|do|is doing|was doing|handles|handled|specializes in|specialises in)`;
const BY_SERVICE = new RegExp(String.raw`\b(?:with |w )?${WHO} ${DOES} (?:the |my |your |ur |all the |all your |a |an )?(?<said>[a-z]+(?: [a-z]+)?)`);
// Words after the service that still belong to the phrase: "whoever does the color there", "who did my cut last time".
const PHRASE_END = /^(?: (?:there|here|last time|before|at (?:the|your|ur) (?:salon|shop|place)))+\b/;

export interface StaffByService<S> {
  /** the service whose person is meant */
  service: S;
  /** the text without the phrase */
  rest: string;
}

/** The service named as a way to name its person, when the words after "who does" are one of the catalog's. */
export function staffNamedByService<S>(text: string, find: (words: string) => S[]): StaffByService<S> | undefined {
  const m = BY_SERVICE.exec(text);
  const said = m?.groups?.said;
  if (!m || !said) return undefined;
  const start = m.index + m[0].length - said.length;
  // "the color there", "my color last time": the fewest words that name exactly one service ("hair color" needs both).
  const first = said.split(' ')[0]!;
  const one = find(first);
  const words = one.length === 1 ? first : said;
  const found = one.length === 1 ? one : find(said);
  if (found.length !== 1) return undefined;
  const after = text.slice(start + words.length);
  const rest = `${text.slice(0, m.index)} ${after.replace(PHRASE_END, '')}`.replace(/\s+/g, ' ').trim();
  return { service: found[0]!, rest };
}
