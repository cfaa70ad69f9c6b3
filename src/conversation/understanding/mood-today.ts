import { DAY_WORD, MONTH } from './shorthand.ts';

/**
 * "sorry my brain is fried today", "im so tired today", "long day today": the customer says
 * how they are, and "today" there dates the mood, not the visit. Availability words ("im
 * free today", "im off today", "busy today") are left alone: they are about the visit.
 */
const MOOD = String.raw`(?:fried|tired|exhausted|scattered|frazzled|distracted|sleepy|foggy|slow|dead|scatterbrained|all over the place|a mess|out of it|not with it|not all there|mush|toast|hungover)`;
const WHO = String.raw`(?:i'?m|im|i am|i feel|feeling|my (?:brain|head|mind)(?: is|'s|s)?)`;
// An apology before the mood goes with it: left alone it would read as a correction with nothing after it.
const EXCUSE = String.raw`(?:(?:sorry|soz|ugh|lol|haha)[,!.]* )?`;
const MOOD_TODAY = new RegExp(String.raw`\b${EXCUSE}${WHO} (?:so |very |really |just |a bit |kinda |totally |completely |super )*${MOOD}(?: today| this morning)\b|\b${EXCUSE}(?:(?:such a |a )?(?:long|rough|crazy|hectic|weird|bad) day today)\b`, 'g');

// "it's so cold out today", "gorgeous day today", "raining today": the weather dates the remark, not the visit.
const WEATHER = String.raw`(?:cold|freezing|chilly|hot|warm|humid|gorgeous|beautiful|lovely|sunny|rainy|raining|pouring|snowy|snowing|windy|miserable|grey|gray)`;
const WEATHER_TODAY = new RegExp(String.raw`\b(?:(?:it'?s|its|it is|so|such a|what a)[a-z ]{0,20} )?${WEATHER}(?: (?:day|weather|out|outside|out there))?(?: here)? today\b`, 'g');

// "ugh today has been a lot 🥶 anyway, do u have thurs at 4": the talk before "anyway" is set aside once a day follows it.
const ASIDE_THEN_DAY = new RegExp(String.raw`^.*\btoday\b.*?\b(?:anyway|anyways|anyhow|btw|by the way|but yeah)\b(?=.*\b(?:${DAY_WORD}|${MONTH})\b)`);

export function withoutMoodToday(text: string): string {
  return text.replace(MOOD_TODAY, ' ').replace(WEATHER_TODAY, ' ').replace(ASIDE_THEN_DAY, ' ');
}
