import { HARVEST_PROGRESS_NOTIFICATION, type HarvestProgressParams } from '../protocol';

/**
 * What a harvest request (export, report) reports as it reads the files: HARVEST_PROGRESS_NOTIFICATIONs
 * under the client's token, or nothing when the client gave none. The same in Node and in a web worker.
 */
export function harvestProgress(
  connection: { sendNotification(method: string, params: HarvestProgressParams): Promise<void> },
  progressToken: string | undefined,
): (done: number, total: number) => void {
  return (done, total) => {
    if (progressToken !== undefined) void connection.sendNotification(HARVEST_PROGRESS_NOTIFICATION, { token: progressToken, done, total });
  };
}
