import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartResources } from '../report/report-charts';

/**
 * The charts' WebAssembly (resvg) and font (DejaVu Sans), read from disk when a report is made.
 * In the bundles they are files beside dist/report.js (scripts/build.mjs copies them); run from
 * the sources (the tests), they are the packages' own files.
 */
export function chartResources(): ChartResources {
  return {
    wasm: readFileSync(resourcePath('resvg.wasm', '@resvg/resvg-wasm/index_bg.wasm')),
    fonts: [readFileSync(resourcePath(join('fonts', 'DejaVuSans.ttf'), 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))],
  };
}

function resourcePath(besideBundle: string, inPackage: string): string {
  const bundled = join(__dirname, besideBundle);
  return existsSync(bundled) ? bundled : require.resolve(inPackage);
}
