import type { DiagnosticCode } from '../core/rules/rule';
import type { SeveritySetting } from '../core/schema/config';
import { DEFAULT_MAX_SIZE } from '../core/service';

/** The editor's settings of ours (`outcomeFragments.*`). */
export interface Settings {
  validate: 'openFiles' | 'workspace';
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Bytes (characters) above which a file is not checked. */
  maxFileSize: number;
  /** When an open file's diagnostics are published: as it is typed, or when it is saved. */
  run: 'onType' | 'onSave';
  /** The quality hints of FORMAT.md §7. */
  qualityHints: 'on' | 'off';
}

export const DEFAULT_SETTINGS: Settings = { validate: 'openFiles', severities: {}, maxFileSize: DEFAULT_MAX_SIZE, run: 'onType', qualityHints: 'on' };

/** The settings from what the client answered for `outcomeFragments`: anything unknown or absent takes its default. */
export function settingsFrom(ours: Partial<Settings> | undefined): Settings {
  return {
    validate: ours?.validate === 'workspace' ? 'workspace' : 'openFiles',
    severities: ours?.severities ?? {},
    maxFileSize: typeof ours?.maxFileSize === 'number' && ours.maxFileSize > 0 ? ours.maxFileSize : DEFAULT_MAX_SIZE,
    run: ours?.run === 'onSave' ? 'onSave' : 'onType',
    qualityHints: ours?.qualityHints === 'off' ? 'off' : 'on',
  };
}
