// Clock times and days of the month as people text them, rewritten into the forms the
// date and choice parsers read: "half 3" (British for 3:30), "2p", "1400" (24-hour),
// "fri 430", "midday", "on the fourth". Runs on normalized, typo-corrected text, before
// spellTimes (text.ts), and only rewrites a number where it can be nothing but a time.

// A number followed by these counts something else ("half 3 hours", "1400 people").
const COUNTED = '(?! ?(?:people|persons|adults|kids|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|dollars?|bucks|usd|st|nd|rd|th|inches|in|ft|feet|miles?|%)\\b)';
const HOUR_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const HOUR = `(\\d{1,2}|${Object.keys(HOUR_WORDS).join('|')})`;
// A day said by name ("fri", "thursday", "tomorrow"): here, the days a bare number right
// after them is the time of ("fri 430", "tomorrow 1030"); the date reading and the other
// rules share these patterns.
export const WEEKDAY_WORD = '(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|tuesday|wednesday|thursday|saturday';
export const DAY_WORD = `${WEEKDAY_WORD}|today|tomorrow|tonight`;
/** A month by name or its abbreviation ("dec", "dec.", "december"). */
export const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_NUMBER: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
/** 1 (Monday) to 7 (Sunday) for a day word as DAY_WORD reads it ("tues", "thursday"), by its first three letters. */
export function weekdayNumber(day: string): number | undefined {
  return WEEKDAY_NUMBER[day.slice(0, 3).toLowerCase()];
}

const hourOf = (said: string): number => HOUR_WORDS[said] ?? Number(said);
const clock = (hour: number, minute: number): string => `${hour}:${String(minute).padStart(2, '0')}`;

/** Every rewrite below, in order; the text stays as it was where none applies. */
export function spellShorthand(s: string): string {
  // "1pmish", "noonish": the "-ish" of a time with am/pm (or of noon) adds nothing the offers (nearest first) do not.
  const t = spellDashedDate(spellDayMonth(spellSpacedMinutes(spellDigitMinutes(spellIshDigits(spellDottedTime(s).replace(/\b(?:mid-?day|noon)(?: ?-?ish)?\b/g, 'noon').replace(/\b(\d{1,2}(?::\d{2})? ?[ap]m) ?-?ish\b/g, '$1'))))));
  return spellMilitary(spellAfterTo(spellAfterDay(spellMeridiemLetter(spellBritishHalf(t)))));
}

// Holidays on a fixed date, named instead of the date ("xmas eve", "new year's eve"). Only names
// that are one day: "before christmas" or "the holidays" stay unread rather than become a day.
const HOLIDAYS: Array<[RegExp, string]> = [
  [/\b(?:christmas|x-?mas) eve\b/g, 'december 24'],
  [/\b(?:christmas|x-?mas) day\b|\b(on|for) (?:christmas|x-?mas)\b/g, '$1 december 25'],
  [/\bboxing day\b/g, 'december 26'],
  [/\bnew years?'?s? eve\b|\bnye\b/g, 'december 31'],
  [/\bnew years?'?s? day\b/g, 'january 1'],
  [/\bvalentine'?s'? day\b/g, 'february 14'],
  [/\bhalloween\b/g, 'october 31'],
  // "the day after christmas", "day before new years": the holiday is a date, the day next to it is spelled below.
  [/\b(day (?:after|before)) (?:christmas|x-?mas)\b/g, '$1 december 25'],
  [/\b(day (?:after|before)) new years?'?s?\b/g, '$1 january 1'],
];

/**
 * "xmas eve at 9", "new years eve noon": a holiday becomes its date. Runs before typo
 * correction, which would read the "eve" as an evening.
 */
export function spellHolidays(s: string): string {
  return spellDayNextToDate(HOLIDAYS.reduce((t, [re, date]) => t.replace(re, (...m: unknown[]) => date.replace('$1', typeof m[1] === 'string' ? m[1] : '').trim()), s));
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * "the day after christmas", "the day before dec 12": the date next to a named one. Said of a
 * booking ("the day after my cut") it stays a shift, read elsewhere.
 */
function spellDayNextToDate(s: string): string {
  return s.replace(new RegExp(`\\b(?:the )?day (after|before) (${MONTH})(?![a-z]) ?(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g'), (whole, way: string, month: string, d: string) => {
    const index = MONTH_NAMES.findIndex((name) => name.startsWith(month.replace('.', '').slice(0, 3)));
    // A leap year, so "the day after feb 28" may be the 29th; the year itself is read later.
    const date = new Date(Date.UTC(2028, index, Number(d) + (way === 'after' ? 1 : -1)));
    return index < 0 || Number(d) < 1 || Number(d) > 31 ? whole : `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}`;
  });
}

const MINUTE_WORDS: Record<string, number> = {
  'oh five': 5, 'o five': 5, ten: 10, fifteen: 15, twenty: 20, 'twenty five': 25, thirty: 30, 'thirty five': 35, forty: 40, 'forty five': 45,
  fifty: 50, 'fifty five': 55,
};
const MINUTE_WORD = `(${Object.keys(MINUTE_WORDS).sort((a, b) => b.length - a.length).map((w) => w.replace(' ', '[ -]')).join('|')})`;

/**
 * "11.30", "tues 8th 9.45", "3.15pm": a time with a dot for its colon, as phones and British
 * texts write it. Only minutes on the clock's five-minute marks, never an amount ("$11.30",
 * "2.5 hours", "12.50 bucks") nor part of a longer number ("1.10.2027", "192.168").
 */
function spellDottedTime(s: string): string {
  return s.replace(new RegExp(`(?<![\\d.$,])\\b(\\d{1,2})\\.([0-5][05])\\b(?![.\\d%])${COUNTED}`, 'g'), (whole, h: string, m: string) => {
    const hour = Number(h);
    return hour >= 1 && hour <= 23 ? clock(hour, Number(m)) : whole;
  });
}

/** "3 thirty", "1 fifteen": an hour in digits and its minutes in words. */
function spellDigitMinutes(s: string): string {
  return s.replace(new RegExp(`\\b(\\d{1,2}) ${MINUTE_WORD}\\b${COUNTED}`, 'g'), (whole, h: string, m: string) => {
    const hour = Number(h);
    return hour >= 1 && hour <= 23 ? clock(hour, MINUTE_WORDS[m.replace('-', ' ')]!) : whole;
  });
}

/** "230ish", "1030-ish": the digits of a time without their colon, made approximate; "2:30ish" is read as "at 2:30". */
function spellIshDigits(s: string): string {
  return s.replace(/\b(\d{1,2})(\d{2}) ?-?ish\b/g, (whole, h: string, m: string) => {
    const time = validTime(h, m);
    return time ? `${time}ish` : whole;
  });
}

/**
 * "tmrw 3 30", "friday 11 45": an hour and its minutes with a space for the colon. Only two-digit
 * minutes on the clock's five-minute marks, never after a month ("dec 3 30") or another number,
 * nor before what the numbers count ("2 30 minute sessions").
 */
function spellSpacedMinutes(s: string): string {
  return s.replace(new RegExp(`(?<![\\d:/.,-] ?|${MONTH} )\\b(\\d{1,2}) ([0-5][05])\\b(?![:./\\d]| ?-)${COUNTED}(?! ?(?:minutes?|mins?|min)\\b)`, 'g'), (whole, h: string, m: string) => {
    const hour = Number(h);
    return hour >= 1 && hour <= 12 ? clock(hour, Number(m)) : whole;
  });
}

/** "8 dec", "8th of december", "december the 8th": the month first, as the date parser reads it ("dec 8"). */
function spellDayMonth(s: string): string {
  // "saturday the 2nd of jan": the "the" goes with the day, else it is left before the month.
  const t = s.replace(new RegExp(`\\b(?:the )?(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH})(?![a-z])`, 'g'), (whole, d: string, month: string) =>
    Number(d) >= 1 && Number(d) <= 31 ? `${month} ${d}` : whole);
  return t.replace(new RegExp(`\\b(${MONTH}) the (\\d{1,2})(?:st|nd|rd|th)\\b`, 'g'), '$1 $2');
}

// What a dashed pair of numbers may not be followed by to be a date: more of a number, or what it counts.
const NOT_AFTER_DASHED_DATE = '(?![\\d:/.-]| ?(?:[ap]\\.?m\\b|hours?|hrs?|mins?|minutes?|people|persons|years?))';
// Words that introduce a day, not a span of hours: "on 12-10", "for 1-8" ("fri 1-3" stays hours).
const BEFORE_A_DAY = '\\b(?:on|for)';

/**
 * "12-16", "1-23": a month and a day joined by a dash, as the date parser reads them ("12/16").
 * When the day could be an hour ("12-10", "1-8") only a word that introduces a day ("on",
 * "for") makes it a date; otherwise "10-12" and "2-5" stay spans of time.
 */
function spellDashedDate(s: string): string {
  const t = s.replace(new RegExp(`(?<![\\d:/.-])(1[0-2]|0?[1-9])-(1[3-9]|2\\d|3[01])${NOT_AFTER_DASHED_DATE}`, 'g'), '$1/$2');
  return t.replace(new RegExp(`(${BEFORE_A_DAY}) (1[0-2]|0?[1-9])-(0?[1-9]|1[0-2])${NOT_AFTER_DASHED_DATE}`, 'g'), '$1 $2/$3');
}

/** "half 3", "half two": British for half past (3:30). "half an hour", "half 3 hours" stay. */
function spellBritishHalf(s: string): string {
  return s.replace(new RegExp(`\\bhalf ${HOUR}\\b(?![:.]\\d)${COUNTED}`, 'g'), (whole, h: string) => {
    const hour = hourOf(h);
    return hour >= 1 && hour <= 12 ? clock(hour, 30) : whole;
  });
}

/** "2p", "11a", "4:30p": a meridiem said with one letter, glued to the number. */
function spellMeridiemLetter(s: string): string {
  return s.replace(/\b(\d{1,2})(:\d{2})?([ap])\b/g, (whole, h: string, m: string | undefined, letter: string) => {
    const hour = Number(h);
    return hour >= 1 && hour <= 12 ? `${h}${m ?? ''}${letter}m` : whole;
  });
}

/** "fri 430", "tomorrow 1030": three or four digits right after a day are its time. */
function spellAfterDay(s: string): string {
  return s.replace(new RegExp(`\\b(${DAY_WORD}) (?:at )?(\\d{1,2})(\\d{2})\\b(?![:./\\d])${COUNTED}`, 'g'), (whole, day: string, h: string, m: string) => {
    const time = validTime(h, m);
    return time ? `${day} at ${time}` : whole;
  });
}

/**
 * "move it to 430", "can we push to 515", "till 945": three digits after the word that says where
 * a time goes are that hour and minutes (no one moves a booking to the number 430). Never after a
 * price ("$100 to 150") nor before a count ("to 430 people").
 */
function spellAfterTo(s: string): string {
  return s.replace(new RegExp(`(?<!\\$\\d+ )\\b(to|till|til|until) ([1-9])([0-5]\\d)\\b(?![:./\\d])${COUNTED}`, 'g'), (whole, to: string, h: string, m: string) => {
    const time = validTime(h, m);
    return time ? `${to} ${time}` : whole;
  });
}

/**
 * "12/3 1400", "1430 tmrw", "0930 hrs": four digits that read as a 24-hour time, where they
 * are no year ("dec 3 2025"), price, address or count. Minutes must be a multiple of five.
 */
function spellMilitary(s: string): string {
  return s.replace(/(?<![\w$#/.:,-])(\d{2})(\d{2})(?: ?(?:h|hrs|hours))?(?![\w/.:%$-])/g, (whole, h: string, m: string, offset: number) => {
    const before = s.slice(0, offset);
    const after = s.slice(offset + whole.length);
    // A year ("dec 3 2025", "in 2030"), a phone number ("555 1230"), an address or an amount.
    if (new RegExp(`\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? $|\\b(?:in|of|since|year|room|suite|apt|unit|no|number|code|pin) $|(?:^|[^/\\d])\\d{3}[ -]$`).test(before)) return whole;
    if (/^[ -]?\d|^ ?(?:[a-z]+ )?(?:st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive|dollars?|bucks|usd|people|persons|items?)\b/.test(after)) return whole;
    const time = validTime(h, m);
    if (!time) return whole;
    return /\b(?:at|around|about|by|before|after|from|until|till|between|to|and)\b ?$|[@-] ?$/.test(before) ? time : ` at ${time} `;
  });
}

function validTime(h: string, m: string): string | undefined {
  const hour = Number(h);
  const minute = Number(m);
  if (hour > 23 || minute > 59 || minute % 5 !== 0) return undefined;
  return clock(hour, minute);
}

// Days of the month as words: "the fourth", "twenty-first", "the thirtieth".
const UNITS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const ORDINAL_WORD = `((?:twenty|thirty)[ -](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${Object.keys(UNITS).join('|')})`;
// Words after which "the fourth" is a pick among numbered things, not a day.
const NOT_A_DAY = '(?! (?:one|ones|option|options|slot|slots|choice|time|times|available|availability|opening|openings|open|free|spot|thing|person|week|weekend|appointment|appt|of (?:those|these|them|the)\\b))';

function ordinalNumber(word: string): number | undefined {
  const [tens, unit] = word.split(/[ -]/);
  if (unit === undefined) return UNITS[word];
  const u = UNITS[unit];
  return u === undefined ? undefined : (tens === 'twenty' ? 20 : 30) + u;
}

/** 4 → "4th", 22 → "22nd": a day of the month as the date parser reads it. */
export const ordinalDay = (n: number): string => `${n}${suffix(n)}`;

const suffix = (n: number): string => (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');

/**
 * "on the fourth", "friday the fourth", "fourth of dec", "dec fourth": a day of the month in
 * words becomes "4th", which the date parser reads. Only where a day is meant: after on/for/by
 * or a weekday or month, or before "of <month>"; "the second one" stays a pick.
 */
export function spellOrdinalDays(s: string): string {
  const n = (word: string) => {
    const day = ordinalNumber(word);
    return day !== undefined && day <= 31 ? ordinalDay(day) : undefined;
  };
  let t = s.replace(new RegExp(`\\b(on|for|by|until|till|before|after|from|${DAY_WORD}|${MONTH}) (the )?${ORDINAL_WORD}\\b${NOT_A_DAY}`, 'g'), (whole, cue: string, the: string | undefined, word: string) => {
    const day = n(word);
    if (!day) return whole;
    // "december the fourth": the date parser reads "december 4th".
    return new RegExp(`^${MONTH}$`).test(cue) ? `${cue} ${day}` : `${cue} ${the ?? ''}${day}`;
  });
  t = t.replace(new RegExp(`\\b${ORDINAL_WORD} of (${MONTH})\\b`, 'g'), (whole, word: string, month: string) => {
    const day = n(word);
    return day ? `${day} of ${month}` : whole;
  });
  // "the fourth at 2", "the fourth, 3pm": a time said right after it makes it a day.
  return t.replace(new RegExp(`\\bthe ${ORDINAL_WORD}(?=,? (?:at|@|around|\\d)|,? noon\\b)`, 'g'), (whole, word: string) => {
    const day = n(word);
    return day ? `the ${day}` : whole;
  });
}
