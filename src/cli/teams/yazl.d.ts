// yazl ships no types; these are the parts the Teams packager uses.
declare module 'yazl' {
  import type { Readable } from 'node:stream';
  export class ZipFile {
    addBuffer(buffer: Buffer, metadataPath: string, options?: { compress?: boolean; mtime?: Date }): void;
    end(): void;
    outputStream: Readable;
  }
  const yazl: { ZipFile: typeof ZipFile };
  export default yazl;
}
