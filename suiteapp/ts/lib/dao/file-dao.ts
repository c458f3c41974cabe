/**
 * The File Cabinet (N/file): the one module that calls it. TikTok Shipping labels (issue #15) are
 * saved as PDF files in the SuiteScripts folder (internal id -15, present in every account), one file
 * per TikTok package, so a label fetched again replaces its file and keeps its internal id.
 *
 * The SKU audit's TikTok side (issue #19) is kept as JSON files there too (`tts_catalog_<shop>_<part>.json`).
 *
 * Usage: `File.save` 20 units, `file.load` 10. NetSuite holds at most 10 MB of a file's content in memory
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

/** Saves (or replaces, by name) a JSON file in the SuiteScripts folder (20 units); its internal id. */
export function saveJsonFile(name: string, contents: string, description: string): string {
  const json = file.create({
    name,
    fileType: file.Type.JSON,
    contents,
    folder: LABEL_FOLDER_ID,
    description,
    isOnline: false,
  });
  return String(json.save());
}

/** The text of a file in the SuiteScripts folder by name (10 units), or null when there is none. */
export function loadSuiteScriptsFile(name: string): string | null {
  try {
    return file.load({ id: `SuiteScripts/${name}` }).getContents();
  } catch (e) {
    if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RCRD_DSNT_EXIST')
      return null;
    throw e;
  }
}

/** A File Cabinet file as the product push reads it (issue #20). */
export interface CabinetFile {
  id: string;
  name: string;
  /** NetSuite's file type (PNGIMAGE, JPGIMAGE, GIFIMAGE…). */
  fileType: string;
  /** Size in bytes. */
  size: number;
  /** The content (base64 for images), or null when `withContents` was false. */
  contents: string | null;
}

/**
 * Loads a file by internal id (10 units); its contents only when asked and at most `maxBytes` (a
 * larger file is returned without them). Null when the file does not exist.
 */
export function loadCabinetFile(fileId: string, withContents: boolean, maxBytes: number): CabinetFile | null {
  let loaded: file.File;
  try {
    loaded = file.load({ id: Number(fileId) });
  } catch (e) {
    if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'RCRD_DSNT_EXIST')
      return null;
    throw e;
  }
  const size = loaded.size;
  return {
    id: fileId,
    name: loaded.name,
    fileType: String(loaded.fileType),
    size,
    contents: withContents && size <= maxBytes ? loaded.getContents() : null,
  };
}
