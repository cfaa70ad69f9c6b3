// A yes said after a hesitation: "wait actually... ugh ok yeah cancel it", "hmm idk.. fine yes",
// "ugh ok go ahead", "um well i guess yes". The doubt comes first and the answer last; the
// answer is what was said. Only a yes is read through it: "wait no" and "hmm nah" stay for
// the plain readings (a "wait" before a no may take back something else).

/** Words of doubt or sighing that open a message before its answer, however stretched. */
const HESITATION = /^(?:wait|w8|hold on|actually|actualy|acc|ugh+|u+g+h+|u+m+|u+h+|h+m+|e+r+m*|welp|well|sigh|idk|i dunno|dunno|i mean|i guess|let me think|lemme think|on second thought|you know what|ya know what|fine|ok then|okay then|lol|oh|ah|meh)\b ?/;

/** The words after a run of hesitations ("wait actually ugh ok yeah" gives "ok yeah"); undefined when none open the text. */
export function afterHesitation(s: string): string | undefined {
  let rest = s;
  let opened = false;
  for (let m = HESITATION.exec(rest); m && m[0] !== ''; m = HESITATION.exec(rest)) {
    rest = rest.slice(m[0].length);
    opened = true;
  }
  return opened && rest.trim() !== '' ? rest.trim() : undefined;
}
