/** A file that cannot be read (or written) as a workbook: the message says why, for the writer. */
export class WorkbookError extends Error {}
