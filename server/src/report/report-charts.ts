import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { CHART_FONT, chartSpec } from '../core/report/chart-spec';
import type { ReportModel } from '../core/report/report-model';
import type { PictureOf, ReportPicture } from './report-docx';

/** What drawing charts needs besides code: resvg's WebAssembly and the charts' font, read by the caller (disk, or the extension's files in a worker). */
export interface ChartResources {
  readonly wasm: Uint8Array | ArrayBuffer | WebAssembly.Module;
  readonly fonts: readonly Uint8Array[];
}

/** Pixels per picture pixel: sharp on paper and on a high-density screen. */
const ZOOM = 2;

/**
 * The report's charts as PNG pictures, drawn without a browser: Vega-Lite compiles each table's
 * specification (core/report/chart-spec.ts), Vega lays it out as SVG, and resvg (WebAssembly, so
 * in Node and in a web worker alike) turns that into PNG with the shipped font. Vega is given a
 * loader that refuses everything: a chart never reads a file or the network.
 */
export async function reportCharts(report: ReportModel, resources: ChartResources): Promise<PictureOf> {
  await resvgReady(resources.wasm);
  const pictures = new Map<string, ReportPicture>();
  for (const table of report.tables) {
    if (table.rows.length === 0) continue;
    const svg = await chartSvg(chartSpec(table) as unknown as TopLevelSpec);
    pictures.set(table.id, pngOf(svg, resources.fonts));
  }
  return (chart) => pictures.get(chart);
}

let resvgInitialised: Promise<void> | undefined;

/**
 * resvg's WebAssembly is instantiated once per bundle: initWasm throws when called twice. Given a
 * URL or a path, initWasm would fetch it: only bytes or a compiled module are taken.
 */
function resvgReady(wasm: ChartResources['wasm']): Promise<void> {
  if (!(wasm instanceof Uint8Array || wasm instanceof ArrayBuffer || Object.prototype.toString.call(wasm) === '[object WebAssembly.Module]'))
    return Promise.reject(new TypeError('the charts need the bytes of resvg.wasm, not a place to load it from'));
  resvgInitialised ??= initWasm(wasm).catch((error: unknown) => {
    resvgInitialised = undefined;
    throw error;
  });
  return resvgInitialised;
}

/** Vega's loader, refusing and noting each refusal: the specifications hold their data inline. */
export function refusingLoader(refused: string[]) {
  const refuse = (what: string) => {
    refused.push(what);
    return Promise.reject(new Error(what));
  };
  return {
    options: {},
    fileAccess: false,
    sanitize: (uri: string) => refuse(`a chart may not load ${uri}`),
    load: (uri: string) => refuse(`a chart may not load ${uri}`),
    file: (name: string) => refuse(`a chart may not read ${name}`),
    http: (url: string) => refuse(`a chart may not fetch ${url}`),
  };
}

/**
 * Vega and Vega-Lite are ES modules, and vega-canvas's Node build awaits at its top level (for the
 * optional `canvas` package, which we do not use), which a CommonJS `require` cannot load: they are
 * imported, once. The bundles take vega-canvas's browser build (scripts/build.mjs).
 */
type Vega = typeof import('vega', { with: { 'resolution-mode': 'import' }});
type VegaLite = typeof import('vega-lite', { with: { 'resolution-mode': 'import' }});
type TopLevelSpec = Parameters<VegaLite['compile']>[0];
let vegaModules: Promise<[Vega, VegaLite]> | undefined;

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  vegaModules ??= Promise.all([import('vega'), import('vega-lite')]);
  const [{ parse, View }, { compile }] = await vegaModules;
  const runtime = parse(compile(spec).spec);
  const errors: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: Vega's Loader and LoggerInterface types want its own classes; ours refuse and collect.
  const view = new View(runtime, { renderer: 'none', loader: refusingLoader(errors) as any, logger: collectingLogger(errors) as any });
  try {
    const svg = await view.toSVG();
    // Vega only warns of a load that failed, and draws on: a chart missing its data is an error here.
    if (errors.length > 0) throw new Error(errors.join('; '));
    return svg;
  } finally {
    view.finalize();
  }
}

/** Vega's logger, keeping its errors to throw and dropping the rest (nothing reaches the console). */
function collectingLogger(errors: string[]) {
  const text = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  const logger = {
    level: () => logger,
    error: (...parts: unknown[]) => {
      errors.push(text(parts));
      return logger;
    },
    warn: () => logger,
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

function pngOf(svg: string, fonts: readonly Uint8Array[]): ReportPicture {
  const resvg = new Resvg(svg, {
    font: { fontBuffers: [...fonts], defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT, loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: ZOOM },
  });
  try {
    const image = resvg.render();
    try {
      return { png: image.asPng(), width: Math.round(image.width / ZOOM), height: Math.round(image.height / ZOOM) };
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}
