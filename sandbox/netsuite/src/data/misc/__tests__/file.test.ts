import { SuiteScriptError } from '../../../errors';
import { inInvocation } from '../../search/__tests__/run';
import { FileCabinet, MAX_FILE_CONTENT_BYTES, type NsFile } from '../file';

type FileModule = {
  Type: Record<string, string>;
  create(options: Record<string, unknown>): NsFile;
  load(id: number | string): NsFile;
};

function refusal(run: () => unknown): SuiteScriptError {
  try {
    run();
  } catch (e) {
    if (e instanceof SuiteScriptError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('N/file and the File Cabinet', () => {
  it('saves a base64 PDF in a folder, replaces it by name and loads it back', () => {
    const cabinet = new FileCabinet();
    const file = cabinet.module() as unknown as FileModule;
    const pdf = Buffer.from('%PDF-1.4 label').toString('base64');
    const { value: first } = inInvocation(() =>
      file.create({ name: 'label.pdf', fileType: file.Type.PDF, contents: pdf, folder: -15 }).save(),
    );
    const { value: again } = inInvocation(() =>
      file.create({ name: 'label.pdf', fileType: file.Type.PDF, contents: pdf, folder: -15 }).save(),
    );
    expect(again).toBe(first);
    expect(cabinet.bytes(first)?.toString()).toBe('%PDF-1.4 label');
    const { value: loaded, inv } = inInvocation(() => file.load(first));
    expect(inv.meter.used).toBe(10);
    expect(loaded.size).toBe(14);
    expect(loaded.getContents()).toBe(pdf);
    expect(cabinet.all()).toHaveLength(1);
  });

  it('loads a file by its path in the File Cabinet, and refuses a path with no file', () => {
    const cabinet = new FileCabinet();
    const file = cabinet.module() as unknown as FileModule;
    inInvocation(() =>
      file.create({ name: 'state.json', fileType: file.Type.JSON, contents: '{"a":1}', folder: -15 }).save(),
    );
    const { value: loaded, inv } = inInvocation(() => file.load('SuiteScripts/state.json'));
    expect(loaded.getContents()).toBe('{"a":1}');
    expect(inv.meter.used).toBe(10);
    expect(inInvocation(() => file.load('/SuiteScripts/state.json')).value.getContents()).toBe('{"a":1}');
    expect(refusal(() => inInvocation(() => file.load('SuiteScripts/none.json'))).name).toBe('RCRD_DSNT_EXIST');
  });

  it('refuses what NetSuite refuses: no folder, an unknown folder, content over 10 MB, a PDF not in base64', () => {
    const file = new FileCabinet().module() as unknown as FileModule;
    const pdf = Buffer.from('%PDF').toString('base64');
    expect(
      refusal(() => inInvocation(() => file.create({ name: 'a.pdf', fileType: 'PDF', contents: pdf }).save())).name,
    ).toBe('SSS_MISSING_REQD_ARGUMENT');
    expect(
      refusal(() =>
        inInvocation(() => file.create({ name: 'a.pdf', fileType: 'PDF', contents: pdf, folder: 77 }).save()),
      ).name,
    ).toBe('INVALID_KEY_OR_REF');
    const big = Buffer.alloc(MAX_FILE_CONTENT_BYTES + 3).toString('base64');
    expect(refusal(() => file.create({ name: 'b.pdf', fileType: 'PDF', contents: big, folder: -15 })).name).toBe(
      'SSS_FILE_CONTENT_SIZE_EXCEEDED',
    );
    expect(
      refusal(() => file.create({ name: 'c.pdf', fileType: 'PDF', contents: 'not base64!', folder: -15 })).name,
    ).toBe('INVALID_FLD_VALUE');
    expect(refusal(() => inInvocation(() => file.load(4242))).name).toBe('RCRD_DSNT_EXIST');
  });
});
