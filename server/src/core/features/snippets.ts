import type { FragmentSchema } from '../schema/schema-types';
import { substantiationFieldKeys } from '../schema/substantiation-types';
import { escapeSnippet, valueSnippet } from './completion';

export interface Snippet {
  readonly prefix: string;
  readonly body: string[];
  readonly description: string;
}

/**
 * The snippets file of a schema: a whole new fragment in canonical order, and one snippet per
 * field. The new fragment leaves out the fields of substantiation: a substantiator's answers come
 * later, from a form (FORMAT.md §9), never as a writer starts an outcome.
 */
export function snippetsOf(schema: FragmentSchema): Record<string, Snippet> {
  // VS Code fills in $CURRENT_YEAR when the snippet is inserted.
  const year = '$CURRENT_YEAR';
  let tabStop = 0;
  const later = new Set(schema.substantiation ? substantiationFieldKeys(schema.substantiation) : []);
  const written = schema.fields.filter((field) => !later.has(field.key));
  const fragmentLines = written.map((field) =>
    field.type === 'derived' ? `**${escapeSnippet(field.key)}**: ` : `**${escapeSnippet(field.key)}**: ${valueSnippet(field, ++tabStop, year)}`,
  );
  const snippets: Record<string, Snippet> = {
    'New outcome fragment': {
      prefix: 'fragment',
      body: [...fragmentLines, '$0'],
      description: `A new outcome fragment with the ${written.length} fields of the ${schema.name} schema in canonical order.`,
    },
  };
  for (const field of schema.fields) {
    snippets[field.key] = {
      prefix: field.key
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      body: [`**${escapeSnippet(field.key)}**: ${field.type === 'derived' ? '$0' : valueSnippet(field, 1, year)}`],
      description: field.description,
    };
  }
  return snippets;
}
