import * as l10n from '@vscode/l10n';
import type { FragmentStoryModel, StoryModel } from '../../../server/src/protocol';
import { escapeHtml } from '../html-escape';
import { type WebviewPageOptions, webviewPage } from '../webview-page';

export { escapeHtml };

/**
 * Renders the story model as the preview's HTML. Pure (no `vscode`): every value from the
 * fragment is escaped, and anonymisation marks (`<redacted>`, `<person>`, `<LOC>`) become
 * styled marks whose text is still escaped.
 */

const placeholderPattern = /(<[A-Za-z_-]+>)/;

/** Escaped text with each anonymisation placeholder wrapped in a mark. */
export function textWithPlaceholders(text: string): string {
  return text
    .split(placeholderPattern)
    .map((piece, index) => (index % 2 === 1 ? `<mark class="placeholder">${escapeHtml(piece)}</mark>` : escapeHtml(piece)))
    .join('');
}

/** A translated text with markup in its places: the text is escaped, the markup (ours) is not. */
export function withMarkup(translate: (...places: string[]) => string, ...markup: string[]): string {
  // Private-use characters mark the places: no translation or escaping holds or makes them.
  const text = translate(...markup.map((_, index) => `\uE000${index}\uE001`));
  return escapeHtml(text).replace(/\uE000(\d+)\uE001/g, (_, index: string) => markup[Number(index)] ?? '');
}

/** Why an outcome is treated as confidential, in the display language. */
function confidentialReason(reason: FragmentStoryModel['confidentiality']['reason']): string {
  switch (reason) {
    case 'flagged':
      return l10n.t('This outcome is marked confidential.');
    case 'empty':
      return l10n.t('The confidentiality flag is empty, so this outcome is treated as confidential.');
    case 'invalid':
      return l10n.t('The confidentiality flag is not 1 or 0, so this outcome is treated as confidential.');
    case 'missing':
      return l10n.t('The confidentiality flag is missing, so this outcome is treated as confidential.');
    case 'no-flag-in-schema':
      return l10n.t('The schema has no confidentiality flag, so this outcome is treated as confidential.');
    case 'public':
      return '';
  }
}

/** Which fragment the preview shows: the one holding the cursor line, else the first. */
export function fragmentIndexAt(model: StoryModel, line: number): number {
  const index = model.fragments.findIndex((fragment, position) => {
    const next = model.fragments[position + 1];
    return fragment.startLine <= line && (!next || line < next.startLine);
  });
  return Math.max(0, index);
}

const lines = (item: { line?: number; endLine?: number }) =>
  item.line === undefined ? '' : ` data-line="${item.line}" data-end-line="${item.endLine ?? item.line}"`;

export function renderPreviewBody(model: StoryModel, selected: number): string {
  const fragment = model.fragments[selected];
  if (!fragment)
    return `<p class="empty">${withMarkup((code) => l10n.t('This file holds no fragment yet. A fragment starts with a {0} line.', code), '<code>**FragmentID**:</code>')}</p>`;
  const parts: string[] = [];
  if (model.fragments.length > 1) {
    const items = model.fragments.map(
      (candidate, index) =>
        `<li><button type="button" class="fragment-link${index === selected ? ' current' : ''}" data-action="reveal"${lines({ line: candidate.startLine })}>${textWithPlaceholders(candidate.id)}</button></li>`,
    );
    parts.push(`<nav class="fragment-list" aria-label="${escapeHtml(l10n.t('Fragments in this file'))}"><ol>${items.join('')}</ol></nav>`);
  }
  parts.push(`<h1 class="title" data-action="reveal"${lines({ line: fragment.startLine })}>${textWithPlaceholders(fragment.id)}</h1>`);
  if (fragment.confidentiality.confidential) {
    parts.push(
      `<div class="banner confidential" role="alert"><strong>${escapeHtml(l10n.t('Confidential.'))}</strong> ${escapeHtml(confidentialReason(fragment.confidentiality.reason))} ${escapeHtml(l10n.t('Do not share it outside the evaluation team.'))}</div>`,
    );
  }
  if (fragment.badges.length > 0) {
    const badges = fragment.badges.map(
      (badge) =>
        `<span class="badge" data-action="reveal"${lines(badge)} title="${escapeHtml(badge.field)}"><span class="badge-label">${escapeHtml(badge.field)}</span> ${textWithPlaceholders(badge.value)}</span>`,
    );
    parts.push(`<div class="badges">${badges.join('')}</div>`);
  }
  const { errors, warnings, other } = fragment.problems;
  const problemCount = errors + warnings;
  const problemText =
    problemCount === 0
      ? l10n.t('No problems')
      : [
          errors === 0 ? '' : errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors),
          warnings === 0 ? '' : warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings),
        ]
          .filter(Boolean)
          .join(', ');
  const otherText = other === 1 ? l10n.t('(and 1 suggestion)') : l10n.t('(and {0} suggestions)', other);
  parts.push(
    `<p class="problems${problemCount > 0 ? ' has-problems' : ''}"><a href="#" data-action="show-problems">${escapeHtml(problemText)}</a>${other > 0 ? ` <span class="other-problems">${escapeHtml(otherText)}</span>` : ''}</p>`,
  );
  if (fragment.story.stale) {
    parts.push(
      `<div class="note stale" role="note">${withMarkup(
        (field) =>
          l10n.t(
            'The stored merged story is out of date: shown here as it will read once regenerated (the quick fix on {0} regenerates it, keeping every redaction).',
            field,
          ),
        '<code>StoryFragment_Merged</code>',
      )}</div>`,
    );
  }
  const sections = fragment.story.sections.map(
    (section) =>
      `<div class="story-section" data-action="reveal"${lines(section)}><h3>${escapeHtml(section.label === '' ? section.field : section.label.replace(/:$/, ''))}</h3><p>${textWithPlaceholders(section.text)}</p></div>`,
  );
  parts.push(
    `<section class="story"><h2>${escapeHtml(l10n.t('Merged story'))}</h2>${sections.length > 0 ? sections.join('') : `<p class="empty">${escapeHtml(l10n.t('No story yet: its fields are empty.'))}</p>`}</section>`,
  );
  parts.push(renderEvidence(fragment));
  if (fragment.chips.length > 0) {
    const groups = fragment.chips.map(
      (group) =>
        `<div class="chip-group" data-action="reveal"${lines(group)}><h3>${escapeHtml(group.field)}</h3><ul class="chips">${group.entries.map((entry) => `<li class="chip">${textWithPlaceholders(entry)}</li>`).join('')}</ul></div>`,
    );
    parts.push(`<section class="classifications"><h2>${escapeHtml(l10n.t('Classifications'))}</h2>${groups.join('')}</section>`);
  }
  return parts.join('\n');
}

function renderEvidence(fragment: FragmentStoryModel): string {
  const { evidence } = fragment;
  if (evidence.state === 'present') {
    return `<section class="evidence" data-action="reveal"${lines(evidence)}><h2>${escapeHtml(l10n.t('Evidence'))}</h2><p>${textWithPlaceholders(evidence.text)}</p></section>`;
  }
  const what =
    evidence.state === 'empty'
      ? l10n.t('"{0}" is empty. Name the documents or people that confirm the change.', evidence.field)
      : l10n.t('"{0}" is missing. Name the documents or people that confirm the change.', evidence.field);
  return `<section class="evidence warning" role="alert" data-action="reveal"${lines(evidence)}><h2>${escapeHtml(l10n.t('Evidence'))}</h2><p><strong>${escapeHtml(l10n.t('No evidence:'))}</strong> ${escapeHtml(what)}</p></section>`;
}

export type DocumentOptions = WebviewPageOptions;

/** The whole preview page (see `webviewPage` for its policy). */
export function renderPreviewDocument(options: DocumentOptions): string {
  return webviewPage({ ...options, title: l10n.t('Fragment preview'), mainId: 'preview' });
}
