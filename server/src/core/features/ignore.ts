import type { FragmentId } from '../rules/duplicate-id';
import type { DiagnosticCode, FragmentDiagnostic } from '../rules/rule';
import { fieldNamed, type ParsedFile } from '../text/parse';

/** The `ignore` of a configuration: codes not reported for a fragment, by its FragmentID (what a dismissal records). */
export class IgnoreList {
  private readonly empty: boolean;

  constructor(
    private readonly codesById: Readonly<Record<string, readonly DiagnosticCode[]>>,
    private readonly idField: string,
  ) {
    this.empty = Object.keys(codesById).length === 0;
  }

  ignores(id: string | undefined, code: DiagnosticCode): boolean {
    return id !== undefined && Object.hasOwn(this.codesById, id) && this.codesById[id]?.includes(code) === true;
  }

  /** The diagnostics of a parsed text but those whose fragment's FragmentID has their code ignored. */
  withoutIgnored(diagnostics: FragmentDiagnostic[], file: ParsedFile): FragmentDiagnostic[] {
    if (this.empty) return diagnostics;
    const ignoredSpans = file.fragments.flatMap((fragment) => {
      const id = fieldNamed(fragment, this.idField)?.value;
      return id !== undefined && Object.hasOwn(this.codesById, id) ? [{ fragment, codes: this.codesById[id] ?? [] }] : [];
    });
    if (ignoredSpans.length === 0) return diagnostics;
    return diagnostics.filter((diagnostic) => {
      const line = diagnostic.range.start.line;
      return !ignoredSpans.some(({ fragment, codes }) => fragment.startLine <= line && line <= fragment.endLine && codes.includes(diagnostic.code));
    });
  }

  /** `duplicate-id` is found across chunks, on the ID's line: dropped where that ID ignores it. */
  withoutIgnoredDuplicates(diagnostics: FragmentDiagnostic[], ids: readonly FragmentId[]): FragmentDiagnostic[] {
    if (this.empty) return diagnostics;
    return diagnostics.filter((diagnostic) => !this.ignores(ids.find((entry) => entry.range.start.line === diagnostic.range.start.line)?.id, 'duplicate-id'));
  }
}
