import { ResponseError } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { fileNameFor, NewFragmentError, newFragment, objectivesOf } from '../core/authoring/new-fragment';
import {
  HARVEST_ERROR_CODE,
  NEW_FRAGMENT_CHOICES_REQUEST,
  NEW_FRAGMENT_REQUEST,
  type NewFragmentChoicesParams,
  type NewFragmentChoicesResult,
  type NewFragmentParams,
  type NewFragmentResult,
} from '../protocol';
import type { ServerContext } from './context';

/**
 * New Outcome Fragment… (FORMAT.md §3): the choices a folder's schema offers, and the new text
 * with the next free FragmentID among every file of the harvest, open ones as they stand. The
 * client writes the file (through `workspace.fs`, on the desktop and in the web alike).
 */
export function registerAuthoringRequests(context: ServerContext): void {
  const { connection, workspace } = context;
  // The folder's schema is the one a file in it would have.
  const serviceIn = (folder: string) => workspace.serviceFor(Utils.joinPath(URI.parse(folder), 'new.fragment').toString());

  connection.onRequest(NEW_FRAGMENT_CHOICES_REQUEST, (params: NewFragmentChoicesParams): NewFragmentChoicesResult => {
    const { schema } = serviceIn(params.folder);
    const countryField = schema.harvest.dimensions.find((dimension) => dimension.name === 'country')?.field;
    return { objectives: objectivesOf(schema), countries: [...(schema.fields.find((field) => field.key === countryField)?.values ?? [])] };
  });

  connection.onRequest(NEW_FRAGMENT_REQUEST, async (params: NewFragmentParams): Promise<NewFragmentResult | ResponseError<void>> => {
    await context.firstLoad;
    try {
      const fragment = newFragment(serviceIn(params.folder).schema, workspace.fragmentIds(), params);
      return { ...fragment, fileName: fileNameFor(fragment.id) };
    } catch (error) {
      if (error instanceof NewFragmentError) return new ResponseError(HARVEST_ERROR_CODE, error.message);
      throw error;
    }
  });
}
