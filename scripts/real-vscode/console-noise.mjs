// What the workbench prints in every healthy run and that means nothing for our suite: left out
// of the run's output (REAL_VSCODE_VERBOSE=1 prints it all). Each entry says why it is noise;
// anything not matched here, an unknown 404 or error included, is printed.

/** Resources the VS Code server of code-server does not serve, which the workbench asks for anyway. */
const MISSING_RESOURCES = [
  /\/_static\/out\/browser\/serviceWorker\.js$/, // the server ships no service worker; webviews work without it
  /\/_static\/src\/browser\/media\/favicon(-dark-support\.svg|\.ico)$/, // code-server's favicons, not in its npm package
  /\/static\/node_modules\/vsda\/rust\/web\/vsda(_bg\.wasm|\.js)$/, // Microsoft's signing module, only in its own builds
  /^\/update\/check$/, // code-server's update check (updates are off)
];

const NOISE = [
  // The service worker the server does not ship (see above), reported three ways.
  /^A bad HTTP response code \(404\) was received when fetching the script\.$/,
  /\[Service Worker\] registration .*serviceWorker\.js.*404/,
  // Chromium's warning about every webview iframe; VS Code sandboxes webviews this way on purpose.
  /^An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\.$/,
  /^The web worker extension host is started in a same-origin iframe!$/,
  // The workbench's start-up log: connection, sockets, the (disabled) gallery, account policy.
  /^ INFO (Resolving|Resolved) connection token/,
  /^ INFO Creating a socket \(renderer-/,
  /^ INFO \[reconnection-grace-time\]/,
  /^ INFO Ignoring fetching additional builtin extensions from gallery as it is disabled\.$/,
  /^ INFO Updating additional builtin extensions cache$/,
  /^ INFO \[AgentHost:remote\] Initializing/,
  /^ INFO \[AccountPolicyGate\] apply: state=inactive/,
  /^ INFO\s*$/,
  // A busy machine makes the workbench time its own start-up; it says nothing about our suite.
  /^ WARN Creation of workbench contribution '[^']+' took \d+ms\.$/,
  // Offline, without the GitHub authentication extension, a workbench service gives up waiting for it.
  /^\s*ERR Error: Timed out waiting for authentication provider 'github' to register\./,
];

/**
 * True when a console message of the workbench page is known noise.
 * @param {string} text the formatted message  @param {string | undefined} url where it comes from (a failed resource's address)
 */
export function isConsoleNoise(text, url) {
  if (/^Failed to load resource: the server responded with a status of 404/.test(text)) {
    return url !== undefined && MISSING_RESOURCES.some((pattern) => pattern.test(new URL(url).pathname));
  }
  return NOISE.some((pattern) => pattern.test(text));
}
