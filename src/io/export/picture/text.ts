// Text in a picture without a browser: what XML can hold, and how wide a line of it is drawn,
// estimated, since there is no font to measure with.

/**
 * The text as one line XML 1.0 can hold: tabs and line breaks become spaces, characters XML
 * cannot hold (control characters, lone surrogates) become U+FFFD. Names come from people.
 */
export function xmlText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13) out += ' ';
    else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)
      out += '\ufffd';
    else out += ch;
  }
  return out;
}

export function escapeXml(s: string): string {
  return xmlText(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** A generous estimate of a text's width: there is no font to measure with outside a browser. */
export function textWidth(text: string, size: number, mono = false, bold = false): number {
  let w = 0;
  for (const ch of text) {
    if (mono) w += 0.62;
    else if (/[ilj.,:;|!'1]/.test(ch)) w += 0.3;
    else if (/[mwMW@]/.test(ch)) w += 0.86;
    else if (/[A-Z_]/.test(ch)) w += 0.68;
    else if (ch.charCodeAt(0) > 0x2e80) w += 1;
    else w += 0.53;
  }
  return w * size * (bold ? 1.08 : 1);
}

/** The text cut with an ellipsis to fit a width, as the canvas cuts long names. */
export function fit(text: string, size: number, width: number, mono = false, bold = false): string {
  if (textWidth(text, size, mono, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, mono, bold) > width) chars.pop();
  return `${chars.join('')}…`;
}
