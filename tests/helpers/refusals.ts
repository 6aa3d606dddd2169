import { issuesByField } from '../../src/server/validation';

/**
 * A refusal as a person or a client meets it: the status, the one message, and the first
 * message per field. Built from a tRPC answer and from a page's HTML, so a test can ask that
 * the same use case refuses the same input the same way on both roads.
 */
export interface Refusal {
  status: number;
  message: string | undefined;
  fields: Record<string, string>;
}

/** A tRPC error answer (callTrpc's result). */
export function trpcRefusal(answer: { status: number; body: any }): Refusal {
  return {
    status: answer.status,
    message: answer.body?.error?.message,
    // A field shows its first message; a client reads the same one first.
    fields: issuesByField(answer.body?.error?.data?.issues),
  };
}

function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * A page's refused form post: the summary (`FormErrors`, id `form-error`) and each error shown
 * beside its field (`field-<path>-error`, as `Field` renders it).
 */
export async function pageRefusal(response: Response): Promise<Refusal> {
  const html = await response.text();
  const summary = /<div[^>]*\bid="form-error"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(
    /<span[^>]*\bid="field-([^"]+)-error"[^>]*>([\s\S]*?)<\/span>/g,
  ))
    fields[match[1]!] = htmlText(match[2]!);
  return {
    status: response.status,
    message: summary ? htmlText(summary[1]!) : undefined,
    fields,
  };
}
