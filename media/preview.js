// The preview's one script (loaded with the page's nonce). It only swaps in HTML rendered and
// escaped by the extension, keeps the scroll position, highlights the section under the
// editor's cursor, and sends clicks back to the extension.
(() => {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('preview');
  let cursorLine = -1;

  function highlight(line) {
    cursorLine = line;
    for (const element of main.querySelectorAll('[data-line]')) {
      const start = Number(element.dataset.line);
      const end = Number(element.dataset.endLine ?? start);
      element.classList.toggle(
        'at-cursor',
        !element.classList.contains('fragment-link') && !element.classList.contains('title') && start <= line && line <= end,
      );
    }
    // What is highlighted now, for the integration tests (and nothing else).
    vscode.postMessage({ type: 'highlighted', line, lines: [...main.querySelectorAll('.at-cursor')].map((element) => Number(element.dataset.line)) });
  }

  function report() {
    const marks = [...main.querySelectorAll('mark.placeholder')].map((mark) => mark.textContent);
    vscode.postMessage({
      type: 'rendered',
      title: main.querySelector('.title')?.textContent ?? '',
      confidentialBanner: main.querySelector('.banner.confidential') !== null,
      evidenceWarning: main.querySelector('.evidence.warning') !== null,
      sections: main.querySelectorAll('.story-section').length,
      redactionMarks: marks.filter((text) => text === '<redacted>').length,
      placeholderMarks: marks.length,
      text: main.textContent,
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'update') {
      const scroll = window.scrollY;
      main.innerHTML = message.html;
      window.scrollTo(0, scroll);
      highlight(message.cursorLine ?? cursorLine);
      report();
    } else if (message.type === 'highlight') {
      highlight(message.line);
    }
  });

  main.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!target) return;
    event.preventDefault();
    if (target.dataset.action === 'show-problems') vscode.postMessage({ type: 'show-problems' });
    else if (target.dataset.action === 'reveal') vscode.postMessage({ type: 'reveal', line: Number(target.dataset.line) });
  });

  // The extension answers with the current body, which is then reported as rendered.
  vscode.postMessage({ type: 'ready' });
})();
