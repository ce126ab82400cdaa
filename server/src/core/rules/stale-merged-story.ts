import * as l10n from '@vscode/l10n';
import type { Position } from 'vscode-languageserver-types';
import { computeMergedStory, regenerateMergedStory, storedMergedStory, storyIsUpToDate } from '../story/merged-story';
import { makeDiagnostic, type Rule } from './rule';

interface StaleMergedStoryData {
  /** Where the stale story's key stands: its fragment is the one holding this line. */
  readonly storyAt: Position;
}

/** The stored merged story no longer matches its parts; the fix regenerates it, keeping every redaction. */
export const staleMergedStory: Rule<StaleMergedStoryData> = {
  code: 'stale-merged-story',
  check({ file, index }) {
    const story = index.schema.mergedStory;
    if (!story) return [];
    return file.fragments.flatMap((fragment) => {
      const stored = storedMergedStory(fragment, story);
      if (!stored || storyIsUpToDate(fragment, story)) return [];
      return [
        makeDiagnostic<StaleMergedStoryData>(
          'stale-merged-story',
          'information',
          stored.keyRange,
          l10n.t('"{0}" is out of date: it no longer matches the fields it is merged from.', story.field),
          { storyAt: stored.keyRange.start },
        ),
      ];
    });
  },
  fixes(diagnostic, { file, index }) {
    const story = index.schema.mergedStory;
    const line = diagnostic.data?.storyAt.line;
    const fragment = line === undefined ? undefined : file.fragments.find((candidate) => candidate.startLine <= line && line <= candidate.endLine);
    const stored = fragment && story && storedMergedStory(fragment, story);
    if (!fragment || !story || !stored) return [];
    const regenerated = regenerateMergedStory(stored.value, computeMergedStory(fragment, story).text);
    // An empty value right after the colon needs the conventional space first.
    const firstValueLine = stored.valueLines[0];
    const needsSpace = stored.value === '' && firstValueLine !== undefined && firstValueLine.text === '' && !file.lines[stored.line]?.text.endsWith(' ');
    return [
      {
        title: l10n.t('Regenerate the merged story (keeping redactions)'),
        edits: [{ range: stored.valueRange, newText: needsSpace ? ` ${regenerated}` : regenerated }],
        isPreferred: true,
      },
    ];
  },
};
