// Which business fact a text asks follows the question's own words: "whats ur email? want to
// send a complaint about parking" asks for the e-mail; the parking only says what the mail is
// about. When a text has a question (a sentence ending in "?") beside statements, the topic is
// read from the question first, and from the whole text only when the question names none.

/** The sentences of a text that end in "?", when the text also says something else; undefined otherwise. */
export function questionPart(s: string): string | undefined {
  const sentences = s.match(/[^?.!]+[?.!]*/g)?.map((part) => part.trim()).filter(Boolean) ?? [];
  const questions = sentences.filter((part) => part.endsWith('?'));
  if (questions.length === 0 || questions.length === sentences.length) return undefined;
  return questions.join(' ');
}

/**
 * The topic of the question part of `punctuated` (the text with its "?" kept) when it names one,
 * else the topic of `whole` (the text the rules read, without punctuation); `clean` turns the
 * question part into the form the rules read.
 */
export function topicAsked<T>(whole: string, punctuated: string, clean: (text: string) => string, topicOf: (text: string) => T | undefined): T | undefined {
  const question = questionPart(punctuated);
  return (question !== undefined ? topicOf(clean(question)) : undefined) ?? topicOf(whole);
}
