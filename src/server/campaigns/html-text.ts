const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Decodes the entities React's static renderer produces (named few, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? parseInt(code.slice(2), 16)
          : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

/**
 * The plain-text part of an e-mail from the HTML that MDX rendered. It only has to handle the
 * markup Markdown produces (paragraphs, headings, lists, links, emphasis, line breaks); links
 * become "text (url)" so they stay usable in text-only mail clients.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => {
      const plain = label.replace(/<[^>]+>/g, '');
      return plain === href ? href : `${plain} (${href})`;
    })
    .replace(/<ol[^>]*>([\s\S]*?)<\/ol>/gi, (_, inner: string) => {
      let n = 0;
      return `${inner.replace(/>\s+</g, '><').replace(/<li[^>]*>/gi, () => `${++n}. `)}\n`;
    })
    .replace(
      /<ul[^>]*>([\s\S]*?)<\/ul>/gi,
      (_, inner: string) => `${inner.replace(/>\s+</g, '><').replace(/<li[^>]*>/gi, '- ')}\n`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/li>/gi, '\n')
    .replace(/<\/(p|h[1-6]|blockquote|div)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
