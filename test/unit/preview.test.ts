import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storyToCopy } from '../../client/src/preview/copy';
import { escapeHtml, fragmentIndexAt, renderPreviewBody, renderPreviewDocument, textWithPlaceholders } from '../../client/src/preview/render';
import { analyze, readExample, readFixture, service } from './helpers';

const example = readExample();
const modelOf = (text: string) => service.storyModel(analyze(text));

describe('the story model of the example (what the preview shows)', () => {
  const [fragment] = modelOf(example).fragments;
  assert.ok(fragment);

  it('is titled by the FragmentID and treats the outcome as confidential (flag 1.0)', () => {
    assert.equal(fragment.id, 'SCC-<redacted>/CIV021');
    assert.deepEqual(fragment.confidentiality, { confidential: true, reason: 'flagged' });
  });

  it('tells the story in its five sections, every redaction of the stored story kept', () => {
    assert.deepEqual(
      fragment.story.sections.map((section) => section.label),
      ['', 'Significance description:', 'Contribution of the programme:', 'Additional information:', 'Contribution of other actors and factors:'],
    );
    const marks = fragment.story.sections.map((section) => section.text.split('<redacted>').length - 1);
    assert.deepEqual(marks, [5, 2, 1, 0, 0]);
    assert.equal(fragment.story.stale, false);
    assert.match(fragment.story.sections[0]?.text ?? '', /data <redacted> systems/);
  });

  it('warns of the empty evidence and counts the problems', () => {
    assert.equal(fragment.evidence.state, 'empty');
    assert.deepEqual(fragment.problems, { errors: 0, warnings: 2, other: 0 });
  });

  it('shows the badges (the country under its misspelt key too) and the classifications', () => {
    assert.deepEqual(
      fragment.badges.map((badge) => badge.field),
      [
        'Country',
        'Year',
        'Scale',
        'Social actor',
        'Rating significance',
        'Rating contribution',
        'Outcome status',
        'The change was unintended',
        'Outcome is negative',
      ],
    );
    assert.deepEqual(fragment.chips[1], {
      field: 'TypeOfChangeCluster',
      entries: ['Capacity change', 'Mobilizing citizens and organizations'],
      line: 22,
      endLine: 22,
    });
  });
});

describe('confidentiality is fail-safe', () => {
  const withFlag = (value: string) =>
    modelOf(example.replace('**Outcome statements is CONFIDENTIAL**: 1.0', `**Outcome statements is CONFIDENTIAL**: ${value}`)).fragments[0]?.confidentiality;
  it('0 and 0.0 may be shared', () => {
    assert.deepEqual(withFlag('0'), { confidential: false, reason: 'public' });
    assert.deepEqual(withFlag('0.0'), { confidential: false, reason: 'public' });
  });
  it('1, empty, invalid or missing is confidential', () => {
    assert.equal(withFlag('1')?.confidential, true);
    assert.deepEqual(withFlag(''), { confidential: true, reason: 'empty' });
    assert.deepEqual(withFlag('no'), { confidential: true, reason: 'invalid' });
    const missing = modelOf(example.replace(/\*\*Outcome statements is CONFIDENTIAL\*\*:.*\n/, '')).fragments[0]?.confidentiality;
    assert.deepEqual(missing, { confidential: true, reason: 'missing' });
  });
});

describe('rendering the preview', () => {
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'; background:url(x)"];

  /** The elements our renderer writes; anything else in the HTML would have come from a fragment. */
  const ourElements = new Set(['nav', 'ol', 'ul', 'li', 'button', 'h1', 'h2', 'h3', 'div', 'p', 'span', 'strong', 'a', 'section', 'mark', 'code']);
  const visibleText = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');

  it('shows a script payload in any field as text', () => {
    for (const payload of payloads) {
      const hostile = readFixture('valid.fragment')
        .split('\n')
        .map((line) => line.replace(/^(\*\*[^*]+\*\*: ).*$/, `$1${payload}`))
        .join('\n');
      const html = renderPreviewBody(modelOf(hostile), 0);
      const elements = new Set(Array.from(html.matchAll(/<\/?([a-zA-Z0-9]+)/g), (found) => (found[1] as string).toLowerCase()));
      assert.deepEqual(
        [...elements].filter((element) => !ourElements.has(element)),
        [],
        payload,
      );
      const attributes = Array.from(html.matchAll(/<[a-zA-Z0-9]+((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>/g), (found) => found[1] ?? '').join(' ');
      assert.ok(!/\son[a-z]+=/i.test(attributes), `no event handler attribute: ${payload}`);
      assert.ok(visibleText(html).includes(payload), `the payload reads as text: ${payload}`);
    }
  });

  it('escapes every markup character and styles placeholders as marks', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(
      textWithPlaceholders('On <redacted>, <person> & co'),
      'On <mark class="placeholder">&lt;redacted&gt;</mark>, <mark class="placeholder">&lt;person&gt;</mark> &amp; co',
    );
  });

  it('shows the confidential banner, five sections, the six story-only redactions and the empty-evidence warning', () => {
    const html = renderPreviewBody(modelOf(example), 0);
    assert.match(html, /class="banner confidential"/);
    assert.equal(html.match(/class="story-section"/g)?.length, 5);
    assert.equal(html.match(/<mark class="placeholder">&lt;redacted&gt;<\/mark>/g)?.length, 1 + 8);
    assert.match(html, /class="evidence warning"/);
    assert.match(html, /2 warnings/);
  });

  it('lists every fragment of a file and shows the one at the cursor', () => {
    const model = modelOf(readFixture('two-fragments.fragment'));
    assert.equal(fragmentIndexAt(model, 0), 0);
    assert.equal(fragmentIndexAt(model, 30), 1);
    const html = renderPreviewBody(model, 1);
    assert.equal(html.match(/class="fragment-link/g)?.length, 2);
    assert.match(html, /<h1 class="title"[^>]*>SCC-<mark class="placeholder">&lt;redacted&gt;<\/mark>\/CIV022<\/h1>/);
  });

  it('puts the page under a Content-Security-Policy that allows only the nonce’s script and our stylesheet', () => {
    const page = renderPreviewDocument({
      body: '<p>x</p>',
      nonce: 'abc123',
      cspSource: 'https://webview.test',
      styleUri: 'https://webview.test/preview.css',
      scriptUri: 'https://webview.test/preview.js',
    });
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    assert.equal(
      policy,
      "default-src 'none'; style-src https://webview.test 'nonce-abc123'; script-src 'nonce-abc123'; img-src https://webview.test; font-src https://webview.test".replace(
        /'/g,
        '&#39;',
      ),
    );
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.match(page, /<script nonce="abc123" src="https:\/\/webview.test\/preview.js"><\/script>/);
    assert.match(page, /<link rel="stylesheet" nonce="abc123"/);
    assert.ok(!page.includes('unsafe-inline') && !page.includes('unsafe-eval'));
  });
});

describe('Copy Merged Story', () => {
  const copyWithFlag = (flag: string | undefined) => {
    const text =
      flag === undefined
        ? example.replace(/\*\*Outcome statements is CONFIDENTIAL\*\*:.*\n/, '')
        : example.replace('**Outcome statements is CONFIDENTIAL**: 1.0', `**Outcome statements is CONFIDENTIAL**: ${flag}`);
    const fragment = modelOf(text).fragments[0];
    assert.ok(fragment);
    return storyToCopy(fragment);
  };

  it('asks first when the flag is 1, empty, invalid or missing', () => {
    for (const flag of ['1', '1.0', '', 'yes', undefined]) assert.equal(copyWithFlag(flag).mustAsk, true, `flag ${flag}`);
  });
  it('copies at once when the flag is 0', () => {
    assert.equal(copyWithFlag('0').mustAsk, false);
    assert.equal(copyWithFlag('0.0').mustAsk, false);
  });
  it('copies the story with every redaction kept', () => {
    const { text } = copyWithFlag('0');
    assert.equal(text.split('<redacted>').length - 1, 8);
    assert.ok(text.startsWith('On <redacted>, within the coordination office'));
  });
});
