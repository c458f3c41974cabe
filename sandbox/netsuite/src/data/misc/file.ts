/**
 * `N/file` and the File Cabinet it writes to (in memory, per emulated account), as far as the
 * connector uses it: `file.create`, `File.save`, `file.load`, `File.getContents`, `file.Type`.
 *
 * What NetSuite does, and the emulator with it:
 * - Governance: `file.load` 10 units, `File.save` 20 (NetSuite help: N/file module, governance).
 * - Content held in memory is limited to 10 MB (help "File.getContents()": "Content held in memory is
 *   limited to 10MB", error SSS_FILE_CONTENT_SIZE_EXCEEDED "The file content you are attempting to
 *   access exceeds the maximum allowed size of 10 MB."). A script builds a file's content in memory,
 *   so `file.create` with more than 10 MB of content is refused with that error too (a choice: the
 *   page names the error for reading; NetSuite offers no other way to hold the content).
 * - Binary types (PDF, PNG, ZIP…) take their content base64-encoded; the size is of the decoded bytes.
 * - `File.save` needs a folder (SSS_MISSING_REQD_ARGUMENT without one) that exists (INVALID_KEY_OR_REF);
 *   a file of the same name in the folder is replaced, keeping its internal id.
 * - Folders: SuiteScripts (-15) exists in every account; `addFolder` makes others for tests.
 */
import { currentInvocation } from '../../context';
import { NS, SuiteScriptError } from '../../errors';

/** The 10 MB NetSuite holds of a file's content in memory. */
export const MAX_FILE_CONTENT_BYTES = 10 * 1024 * 1024;

/** NetSuite's file types as `file.Type` names them (the ones a script here creates or reads). */
export const FileType = {
  PDF: 'PDF',
  PLAINTEXT: 'PLAINTEXT',
  CSV: 'CSV',
  JSON: 'JSON',
  XMLDOC: 'XMLDOC',
  HTMLDOC: 'HTMLDOC',
  PNGIMAGE: 'PNGIMAGE',
  JPGIMAGE: 'JPGIMAGE',
  ZIP: 'ZIP',
} as const;

const BINARY_TYPES: ReadonlySet<string> = new Set(['PDF', 'PNGIMAGE', 'JPGIMAGE', 'ZIP']);

export interface StoredFile {
  id: number;
  name: string;
  fileType: string;
  folder: number;
  description: string;
  isOnline: boolean;
  /** The content: base64 for binary types, the text otherwise. */
  contents: string;
  size: number;
}

export interface NsFile {
  readonly id: number | null;
  name: string;
  readonly fileType: string;
  folder: number | null;
  description: string;
  isOnline: boolean;
  readonly size: number;
  getContents(): string;
  save(): number;
}

function sizeOf(fileType: string, contents: string): number {
  return BINARY_TYPES.has(fileType) ? Buffer.from(contents, 'base64').length : Buffer.byteLength(contents, 'utf8');
}

function tooLarge(): SuiteScriptError {
  return new SuiteScriptError(
    'SSS_FILE_CONTENT_SIZE_EXCEEDED',
    'The file content you are attempting to access exceeds the maximum allowed size of 10 MB.',
  );
}

export class FileCabinet {
  private readonly files = new Map<number, StoredFile>();
  private readonly folders = new Map<number, string>([[-15, 'SuiteScripts']]);
  private nextId = 1001;
  private nextFolderId = 501;

  /** A folder for tests (NetSuite: Documents > Files > New Folder). */
  addFolder(name: string): number {
    const id = this.nextFolderId++;
    this.folders.set(id, name);
    return id;
  }

  get(id: number): StoredFile | undefined {
    const file = this.files.get(id);
    return file === undefined ? undefined : { ...file };
  }

  all(): StoredFile[] {
    return [...this.files.values()].map((f) => ({ ...f }));
  }

  /** The PDF bytes of a stored binary file (tests read labels with it). */
  bytes(id: number): Buffer | undefined {
    const file = this.files.get(id);
    if (!file) return undefined;
    return BINARY_TYPES.has(file.fileType) ? Buffer.from(file.contents, 'base64') : Buffer.from(file.contents, 'utf8');
  }

  /** Saves (or replaces, by name in the folder) a file; its internal id. */
  save(file: Omit<StoredFile, 'id' | 'size'>): number {
    if (!this.folders.has(file.folder)) {
      throw new SuiteScriptError(NS.INVALID_KEY_OR_REF, `Invalid folder reference key ${file.folder}.`);
    }
    const size = sizeOf(file.fileType, file.contents);
    if (size > MAX_FILE_CONTENT_BYTES) throw tooLarge();
    const existing = [...this.files.values()].find((f) => f.folder === file.folder && f.name === file.name);
    const id = existing?.id ?? this.nextId++;
    this.files.set(id, { ...file, id, size });
    return id;
  }

  /**
   * A file by its path in the File Cabinet, `Folder/name` or `/Folder/name` (NetSuite help, N/file
   * `file.load`: "options.id: internal ID of the file or relative file path to the file in the File
   * Cabinet"); one folder level, as the cabinet here keeps its folders flat.
   */
  findByPath(path: string): StoredFile | undefined {
    const parts = path.replace(/^\//, '').split('/');
    if (parts.length !== 2) return undefined;
    const [folderName, name] = parts;
    const folder = [...this.folders].find(([, n]) => n === folderName)?.[0];
    return folder === undefined
      ? undefined
      : [...this.files.values()].find((f) => f.folder === folder && f.name === name);
  }

  /** `N/file` over this cabinet. */
  module(): Record<string, unknown> {
    const save = (file: Omit<StoredFile, 'id' | 'size'>): number => this.save(file);
    const find = (id: number | string): StoredFile | undefined =>
      typeof id === 'string' && !/^[0-9]+$/.test(id) ? this.findByPath(id) : this.files.get(Number(id));
    const wrap = (stored: Omit<StoredFile, 'id' | 'size'> & { id: number | null }): NsFile => {
      const state = { ...stored };
      return {
        get id() {
          return state.id;
        },
        get name() {
          return state.name;
        },
        set name(value: string) {
          state.name = value;
        },
        get fileType() {
          return state.fileType;
        },
        get folder() {
          return state.folder;
        },
        set folder(value: number | null) {
          state.folder = value as number;
        },
        get description() {
          return state.description;
        },
        set description(value: string) {
          state.description = value;
        },
        get isOnline() {
          return state.isOnline;
        },
        set isOnline(value: boolean) {
          state.isOnline = value;
        },
        get size() {
          return sizeOf(state.fileType, state.contents);
        },
        getContents() {
          if (sizeOf(state.fileType, state.contents) > MAX_FILE_CONTENT_BYTES) throw tooLarge();
          return state.contents;
        },
        save() {
          if (state.folder === null || state.folder === undefined || Number.isNaN(Number(state.folder))) {
            throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, 'File.save: Missing a required argument: folder');
          }
          currentInvocation().meter.chargeApi('file.save');
          const id = save({
            name: state.name,
            fileType: state.fileType,
            folder: Number(state.folder),
            description: state.description,
            isOnline: state.isOnline,
            contents: state.contents,
          });
          state.id = id;
          return id;
        },
      };
    };
    return {
      Type: FileType,
      create(options: {
        name?: string;
        fileType?: string;
        contents?: string;
        folder?: number | string;
        description?: string;
        isOnline?: boolean;
      }): NsFile {
        for (const key of ['name', 'fileType', 'contents'] as const) {
          if (options?.[key] === undefined || options[key] === '') {
            throw new SuiteScriptError(NS.SSS_MISSING_REQD_ARGUMENT, `file.create: Missing a required argument: ${key}`);
          }
        }
        const fileType = String(options.fileType);
        if (!Object.values(FileType).includes(fileType as (typeof FileType)[keyof typeof FileType])) {
          throw new SuiteScriptError(NS.INVALID_FLD_VALUE, `You have entered an invalid type argument: ${fileType}`);
        }
        const contents = String(options.contents);
        if (BINARY_TYPES.has(fileType) && !/^[A-Za-z0-9+/]*={0,2}$/.test(contents)) {
          throw new SuiteScriptError(NS.INVALID_FLD_VALUE, `The content of a ${fileType} file must be base64-encoded.`);
        }
        if (sizeOf(fileType, contents) > MAX_FILE_CONTENT_BYTES) throw tooLarge();
        return wrap({
          id: null,
          name: String(options.name),
          fileType,
          folder: options.folder === undefined ? (null as unknown as number) : Number(options.folder),
          description: options.description ?? '',
          isOnline: options.isOnline ?? false,
          contents,
        });
      },
      load(options: { id: number | string } | number | string): NsFile {
        const raw = typeof options === 'object' && options !== null ? options.id : options;
        currentInvocation().meter.chargeApi('file.load');
        const stored = find(typeof raw === 'string' ? raw : Number(raw));
        if (!stored) {
          throw new SuiteScriptError(NS.RCRD_DSNT_EXIST, `That record does not exist. path: ${String(raw)}`);
        }
        return wrap({ ...stored });
      },
    };
  }
}
