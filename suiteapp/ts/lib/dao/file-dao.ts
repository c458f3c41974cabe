/**
 * The File Cabinet (N/file): the one module that calls it. TikTok Shipping labels (issue #15) are
 * saved as PDF files in the SuiteScripts folder (internal id -15, present in every account), one file
 * per TikTok package, so a label fetched again replaces its file and keeps its internal id.
 *
 * Usage: `File.save` 20 units. NetSuite holds at most 10 MB of a file's content in memory
 * (`SSS_FILE_CONTENT_SIZE_EXCEEDED`); labels are far smaller, and the RESTlet refuses any above
 * 7,815,168 bytes before this runs (shared-types/src/fulfillments/labels-attach.ts).
 */
import * as file from 'N/file';

/** The SuiteScripts folder. */
export const LABEL_FOLDER_ID = -15;

/** Saves a PDF given as base64 (20 units); its internal id. */
export function savePdf(name: string, contentBase64: string, description: string): string {
  const pdf = file.create({
    name,
    fileType: file.Type.PDF,
    contents: contentBase64,
    folder: LABEL_FOLDER_ID,
    description,
    isOnline: false,
  });
  return String(pdf.save());
}
