import { escapeHtml } from './html-escape';

/** What a webview page of ours is made of: its body, and where its one stylesheet and script are. */
export interface WebviewPageOptions {
  readonly body: string;
  /** A fresh random value for every render of the document. */
  readonly nonce: string;
  /** The webview's own source, for the stylesheet and the script. */
  readonly cspSource: string;
  readonly styleUri: string;
  readonly scriptUri: string;
  /** The display language, for the page's `lang`. */
  readonly language?: string;
}

/**
 * A whole page under the policy every webview of ours has: `default-src 'none'`, nothing but its
 * own stylesheet and script, both with the nonce; no inline script or style, no eval. `mainAttributes`
 * are already escaped by the caller.
 */
export function webviewPage(options: WebviewPageOptions & { title: string; mainId: string; mainAttributes?: string }): string {
  const { nonce, cspSource } = options;
  const policy = [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="${escapeHtml(options.mainId)}"${options.mainAttributes ?? ''}>${options.body}</main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}
