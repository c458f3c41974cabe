/** One problem found in the SDF project: where it is, which object, what is wrong and how to fix it. */
export interface SdfIssue {
  /** Path relative to the project folder, with `/` separators (`Objects/customrecord_tts_shop.xml`). */
  file: string;
  /** The script id (or other name) of the object concerned. */
  id?: string;
  message: string;
  fix: string;
}

/** Where checks report what they find. */
export interface SdfIssueSink {
  error(issue: SdfIssue): void;
  warning(issue: SdfIssue): void;
}
