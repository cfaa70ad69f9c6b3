// "could we do monday the 14th at 9 instead of the 9th", "can i come at 2 instead of 11": the
// day or time after "instead of" is the booking's own, the rest of the message its new time.

// What follows "instead of", up to the end of its clause: "the 9th", "thursday", "10am", "11". The clause's end
// stays with the time asked ("10 instead of 9:30 that day" is 10 on that day).
// "any earlier slots than fri?", "anything sooner than my thursday": what the time asked beats names the booking too.
const INSTEAD_OF = /\b(?:instead of|(?<!\b(?:no|not|nothing|none) )(?:earlier|sooner|later)(?: [a-z]+)? than) (?:my |our )?(?<named>[\w: ]+?)(?=\?|[.!,;]|$| (?:if|pls|please|thanks|thx|that|but|because|cause|since|as)\b)/;

/** The words naming the booking ("the 9th", "at 10") and the words asking its new time; undefined without "instead of". */
export function insteadOfSplit(raw: string): { booking: string; asked: string } | undefined {
  const m = INSTEAD_OF.exec(raw);
  if (!m) return undefined;
  // A bare hour ("instead of 10") is a time of day, as "at 10" is to the date reader.
  const named = m.groups!.named!.replace(/^(\d{1,2}(?::\d{2})?(?: ?[ap]m)?)$/, 'at $1');
  return { booking: named, asked: `${raw.slice(0, m.index)} ${raw.slice(m.index + m[0].length)}` };
}
