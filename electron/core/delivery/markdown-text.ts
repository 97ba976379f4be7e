// An email's plain-text part, made from the Markdown the owner wrote as marked reads it: what a
// reader of plain text needs (words, list markers, where links go), without the Markdown's syntax.
import type { MarkedToken, Token, Tokens } from 'marked';
import { isLinkAddress } from './message-links';

/** The tokens of a Markdown text (their addresses already personalised) as readable plain text. */
export function plainTextOf(tokens: readonly Token[]): string {
  return blocks(tokens).join('\n\n').replace(/[ \t]+$/gm, '');
}

function blocks(tokens: readonly Token[]): string[] {
  return tokens.map(block).filter((text) => text !== '');
}

function block(token: Token): string {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'space':
    case 'def':
      return '';
    case 'heading':
    case 'paragraph':
      return inline(known.tokens);
    case 'text':
      return known.tokens ? inline(known.tokens) : known.text;
    case 'list':
      return list(known);
    case 'blockquote':
      return blocks(known.tokens).join('\n\n').replace(/^/gm, '> ');
    case 'code':
      return known.text;
    case 'hr':
      return '———';
    case 'table':
      return [known.header, ...known.rows].map((row) => row.map((cell) => inline(cell.tokens)).join(' | ')).join('\n');
    case 'html':
      // Raw HTML is shown as text in the HTML part too.
      return known.text.trim();
    default:
      return inline([token]);
  }
}

/** "- item" or "1. item", one per line; an item's further lines and nested lists are indented under it. */
function list(token: Tokens.List): string {
  const first = typeof token.start === 'number' ? token.start : 1;
  return token.items
    .map((item, index) => {
      const marker = token.ordered ? `${first + index}. ` : '- ';
      const box = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
      const body = blocks(item.tokens.filter((child) => child.type !== 'checkbox')).join(item.loose ? '\n\n' : '\n');
      return marker + box + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    })
    .join('\n');
}

function inline(tokens: readonly Token[]): string {
  return tokens.map(inlineText).join('');
}

function inlineText(token: Token): string {
  const known = token as MarkedToken;
  switch (known.type) {
    case 'text':
      // The source's own characters: marked's `text` has & turned into &amp; for HTML.
      return known.tokens ? inline(known.tokens) : known.raw;
    case 'escape':
    case 'codespan':
      return known.text;
    case 'strong':
    case 'em':
    case 'del':
      return inline(known.tokens);
    case 'br':
      return '\n';
    case 'link':
      return link(known);
    case 'image':
      return known.text;
    case 'html':
      return known.text;
    default:
      return token.raw;
  }
}

/** "text (address)"; a bare address once; only the text when the address was dropped. */
function link(token: Tokens.Link): string {
  const text = inline(token.tokens);
  if (!isLinkAddress(token.href)) return text;
  if (token.autolink) return token.href.startsWith('mailto:') ? text : token.href;
  return text === token.href ? text : `${text} (${token.href})`;
}
