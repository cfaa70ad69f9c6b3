import { expect, it } from 'vitest';
import { renderCard, renderReply } from '../../../src/channels/slack/render.ts';

// What a customer or colleague wrote reaches Slack as text, never as markup: Slack reads
// both the blocks and the plain `text` beside them as mrkdwn, where <!channel> pings a
// whole channel and <https://x|y> disguises a link.

const hostile = 'call me <!channel> & see <https://evil.example|your bank>';
const escaped = 'call me &lt;!channel&gt; &amp; see &lt;https://evil.example|your bank&gt;';

it('escapes an exception card in its blocks and in its text', () => {
  const card = renderCard({ text: `Last messages: “${hostile}”`, choices: [] });
  expect(card).toEqual({ text: `Last messages: “${escaped}”`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Last messages: “${escaped}”` } }] });
});

it('escapes a conversation reply and its options in the text fallback', () => {
  const reply = renderReply({ messages: [hostile], choices: [{ value: '1', label: '<!here> 3pm' }] });
  expect(reply.text).toBe(`${escaped}\n• &lt;!here&gt; 3pm`);
  expect(reply.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: escaped } });
  // Button labels are plain_text: Slack shows them as written.
  expect(reply.blocks[1]).toMatchObject({ elements: [{ text: { type: 'plain_text', text: '<!here> 3pm' }, value: '1' }] });
});

it('drops empty messages and splits a long one into sections within Slack’s limit, never inside an entity', () => {
  const reply = renderReply({ messages: ['', `${'x'.repeat(2998)}&y`] });
  expect(reply.blocks).toEqual([
    { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(2998) } },
    { type: 'section', text: { type: 'mrkdwn', text: '&amp;y' } },
  ]);
});
