import { expect } from 'vitest';
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

/** The summary box of a refused form (`FormErrors`, id `form-error`), as HTML. */
function summaryBox(html: string): string | undefined {
  return /<div[^>]*\bid="form-error"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1];
}

/** The summary's own message: its paragraph (error-summary markup) or its whole text. */
function summaryMessage(box: string | undefined): string | undefined {
  if (box === undefined) return undefined;
  const paragraph = /<p[^>]*>([\s\S]*?)<\/p>/.exec(box)?.[1];
  if (paragraph !== undefined) return htmlText(paragraph);
  // A summary with a heading and only links to fields states no message of its own.
  return /<h2/.test(box) ? undefined : htmlText(box);
}

/** A page's refusal, with the fields its summary links to (field name → message). */
export interface PageRefusal extends Refusal {
  listed: Record<string, string>;
}

/**
 * A page's refused form post: the summary and each error shown beside its field
 * (`field-<path>-error`, as `Field` renders it).
 */
export async function pageRefusal(response: Response): Promise<PageRefusal> {
  const html = await response.text();
  const box = summaryBox(html);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(
    /<span[^>]*\bid="field-([^"]+)-error"[^>]*>([\s\S]*?)<\/span>/g,
  ))
    fields[match[1]!] = htmlText(match[2]!);
  const listed: Record<string, string> = {};
  for (const match of (box ?? '').matchAll(/<a[^>]*href="#field-([^"]+)"[^>]*>([\s\S]*?)<\/a>/g))
    listed[match[1]!] = htmlText(match[2]!);
  return { status: response.status, message: summaryMessage(box), fields, listed };
}

/** What tRPC says when only fields are at fault; a page may list the fields in its place. */
const FIELDS_NEED_ATTENTION = 'Some fields need attention.';

/**
 * The page refused as the API did: same status, the same message beside each field, and the
 * same summary message, or (for a refusal that is only about fields) a summary listing exactly
 * those fields' messages.
 */
export function expectSameRefusal(page: PageRefusal, api: Refusal): void {
  expect(page.status).toBe(api.status);
  expect(page.fields).toEqual(api.fields);
  if (page.message === undefined && Object.keys(page.listed).length > 0) {
    expect(api.message).toBe(FIELDS_NEED_ATTENTION);
    const byName: Record<string, string> = {};
    for (const [path, message] of Object.entries(api.fields))
      byName[path.split('.')[0]!] ??= message;
    expect(page.listed).toEqual(byName);
  } else {
    expect(page.message).toBe(api.message);
  }
}
