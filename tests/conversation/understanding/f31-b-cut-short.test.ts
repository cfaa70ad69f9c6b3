import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/conversation/state.ts';
import { completedText } from '../../../src/conversation/providers/offline/cut-short.ts';

// Fixer 31b (set 30's yf143): "can i move my", then "appt on sat to 3:30 sorry hit send too early":
// the second text was read alone (a booking on Saturday). A text that stops on a word no sentence
// ends on was sent unfinished; the next text is its rest, and the two are read as one request.

const user = (content: string): ChatMessage => ({ role: 'user', content });
const bot = (content: string): ChatMessage => ({ role: 'assistant', content, toolCall: null });
const after = (first: string, second: string) => completedText([user(first), bot('When would you like to move your appointment to?'), user(second)]);

describe('a text finishing the one cut short before it', () => {
  it.each([
    ['can i move my', 'appt on sat to 3:30 sorry hit send too early', 'can i move my appt on sat to 3:30 sorry hit send too early'],
    ['i need to cancel the', 'color on friday', 'i need to cancel the color on friday'],
    ['can you book me a cut for', 'thursday at 2', 'can you book me a cut for thursday at 2'],
    ['pls push my appt to', 'the 10th same time', 'pls push my appt to the 10th same time'],
    ['move my cut from friday to', 'saturday at 11', 'move my cut from friday to saturday at 11'],
  ])('%s / %s', (first, second, whole) => expect(after(first, second)).toBe(whole));
});

describe('near misses: a finished text is read alone', () => {
  it.each([
    ['can i move my appt', 'sat at 3:30'],
    ['move my cut to friday', 'at 2 pls'],
    ['can i move my', 'can i move my'],
    ['cancel it.', 'yes'],
    ['what day did i book my trim for', 'cool can u add a consult with lee that same day at 11'],
    ['who am i with', 'ok thanks'],
    ['hey what time is my color at', 'great, see u then'],
  ])('%s / %s', (first, second) => expect(after(first, second)).toBe(second));
  it('the first text alone', () => expect(completedText([user('can i move my')])).toBe('can i move my'));
});
