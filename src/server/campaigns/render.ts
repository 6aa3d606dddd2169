import { evaluateSync } from '@mdx-js/mdx';

import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CampaignStep } from '../content/campaign-content';
import { escapeHtml, htmlToText } from './html-text';

/** What an e-mail body may read: `props.lead`, `props.owner`, `props.links`. */
export interface CampaignMailProps {
  lead: { firstName: string; name: string; email: string; company: string; companyDomain: string };
  owner: { name: string; title: string; email: string } | null;
  links: { unsubscribe: string; site: string };
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

type MDXContent = ReturnType<typeof evaluateSync>['default'];

const compiled = new Map<string, MDXContent>();

/**
 * Compiles a step's MDX once per process. Campaign bodies are content from the repository
 * (trusted, reviewed like code); the lead's fields only ever enter as props, which React
 * escapes, so a company called `<script>` is printed, never run.
 */
export function compileStep(step: CampaignStep): MDXContent {
  let content = compiled.get(step.file);
  if (!content) {
    content = evaluateSync(step.body, { ...runtime, development: false }).default;
    compiled.set(step.file, content);
  }
  return content;
}

/** `{firstName}`, `{name}`, `{company}` in a subject; control characters (header injection) removed. */
export function renderSubject(template: string, lead: CampaignMailProps['lead']): string {
  const values: Record<string, string> = {
    firstName: lead.firstName,
    name: lead.name,
    company: lead.company,
  };
  return template
    .replace(/\{(firstName|name|company)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, 200);
}

/** Site paths in links (`/roi/attrition`) become absolute, since an e-mail has no base URL. */
function absolutize(html: string, site: string): string {
  return html.replace(/href="\/(?!\/)/g, `href="${escapeHtml(site)}/`);
}

function layout(body: string, preview: string, props: CampaignMailProps): string {
  const unsubscribe = escapeHtml(props.links.unsubscribe);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    '</head><body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,sans-serif;color:#14181f;line-height:1.55">',
    `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(preview)}</div>`,
    '<div style="max-width:36rem;margin:0 auto;background:#fff;border:1px solid #d5dae1;border-radius:8px;padding:24px">',
    body,
    '</div>',
    '<p style="max-width:36rem;margin:16px auto 0;font-size:13px;color:#4c5563">',
    `You are receiving this because you asked Relay about ${escapeHtml(props.lead.company)}. `,
    `<a href="${unsubscribe}" style="color:#3b2db5">Unsubscribe</a> and you will not hear from us again.`,
    '</p></body></html>',
  ].join('');
}

/** Renders one campaign e-mail for a lead: subject, HTML and plain text. */
export function renderCampaignMail(step: CampaignStep, props: CampaignMailProps): RenderedMail {
  const Content = compileStep(step);
  const body = absolutize(
    renderToStaticMarkup(createElement(Content, { ...props })),
    props.links.site,
  );
  const text = [
    htmlToText(body),
    '',
    '--',
    `You are receiving this because you asked Relay about ${props.lead.company}.`,
    `Unsubscribe: ${props.links.unsubscribe}`,
  ].join('\n');
  return {
    subject: renderSubject(step.subject, props.lead),
    html: layout(body, step.preview, props),
    text,
  };
}
