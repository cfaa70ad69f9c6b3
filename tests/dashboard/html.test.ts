import { describe, expect, it } from 'vitest';
import { escapeHtml, html, rawHtml, toHtmlString } from '../../src/dashboard/html.ts';

const out = (fragment: ReturnType<typeof html>) => toHtmlString(fragment);

describe('html tag', () => {
  it('escapes interpolated strings, so data never becomes markup', () => {
    const name = `<script>alert("x")</script> & 'co' \`t\``;
    expect(out(html`<p>${name}</p>`)).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; &#96;t&#96;</p>');
  });

  it('escapes inside attribute values', () => {
    const evil = '" onmouseover="alert(1)';
    expect(out(html`<input value="${evil}">`)).toBe('<input value="&quot; onmouseover=&quot;alert(1)">');
  });

  it('places fragments built by the tag as they are, and escapes inside them', () => {
    const item = (t: string) => html`<li>${t}</li>`;
    expect(out(html`<ul>${['a<b', 'c'].map(item)}</ul>`)).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(out(html`[${null}${undefined}${false}${0}${true}]`)).toBe('[0true]');
  });

  it('does not trust an object that merely looks like a fragment', () => {
    const forged = { text: '<b>x</b>' } as unknown as string;
    expect(out(html`${forged}`)).toBe('[object Object]');
  });

  it('rawHtml is the one explicit way to place code-written markup', () => {
    expect(out(html`<i>${rawHtml('<svg></svg>')}</i>`)).toBe('<i><svg></svg></i>');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
