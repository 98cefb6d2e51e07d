// The writer under SafeStore: `conf` in plain Node, electron-store (conf's subclass, same
// options, same file) in the Electron shell. The backend holds the file's text verbatim as
// `{ raw }`, so conf neither re-parses nor deep-copies a 10,000-entry vault on each save.
import Conf from 'conf';
import type { FsLike } from './fs-like';

export interface RawStore {
  /** The file's exact content: bytes when SafeStore writes, text when conf reads. */
  raw: string | Uint8Array;
}

/** What SafeStore needs from conf / electron-store. */
export interface ConfLike {
  readonly path: string;
  store: RawStore;
}

/** Options valid for both `new Conf(...)` and `new ElectronStore(...)` (pass `name` there). */
export interface BackendOptions {
  cwd: string;
  configName: string;
  name: string;
  fileExtension: 'json';
  configFileMode: number;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  serialize: (value: RawStore) => string | Uint8Array;
  deserialize: (text: string) => RawStore;
}

export type BackendFactory = (options: BackendOptions) => ConfLike;

export function backendOptions(dir: string, name: string): BackendOptions {
  return {
    cwd: dir,
    configName: name,
    name,
    fileExtension: 'json',
    configFileMode: 0o600,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    serialize: (value) => value.raw,
    deserialize: (text) => ({ raw: text }),
  };
}

export const confBackend: BackendFactory = (options) =>
  new Conf<RawStore>(options) as unknown as ConfLike;

/**
 * A plain atomic writer over an injected fs (temp file, full write, fsync, rename). Used by
 * tests to simulate a full disk; it behaves like conf's writer on a healthy one.
 */
export function fsBackend(fs: FsLike): BackendFactory {
  return (options) => {
    const path = `${options.cwd}/${options.configName}.${options.fileExtension}`;
    let counter = 0;
    return {
      path,
      get store(): RawStore {
        return options.deserialize(fs.readFileSync(path, 'utf8'));
      },
      set store(value: RawStore) {
        const out = options.serialize(value);
        const data = typeof out === 'string' ? Buffer.from(out, 'utf8') : out;
        const temp = `${path}.tmp-${process.pid}${(counter++).toString(16)}`;
        const fd = fs.openSync(temp, 'w', options.configFileMode);
        try {
          let offset = 0;
          while (offset < data.length) offset += fs.writeSync(fd, data, offset);
          fs.fsyncSync(fd);
        } catch (error) {
          fs.closeSync(fd);
          fs.unlinkSync(temp);
          throw error;
        }
        fs.closeSync(fd);
        fs.renameSync(temp, path);
      },
    };
  };
}
