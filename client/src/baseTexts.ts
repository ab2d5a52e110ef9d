// Keeps the server told of each open policy's committed text (HEAD's), for its "since HEAD" code
// lenses: read when a document opens or is saved and after a commit, sent only when it differs from
// what the server last heard. No VS Code import: the reading and the sending are given, so that the
// logic is tested on its own (test/unit/client-baseTexts.test.ts).
import type { BaseTextParams } from '../../server/src/protocol';

/** The text of a document at the revision: undefined when there is nothing to compare with (not in a git repository), null when the file is not in the revision. */
export type ReadBase = (uri: string) => Promise<string | null | undefined>;

export class BaseTextTracker {
  /** what the server was last told, per URI */
  private readonly sent = new Map<string, string | null>();

  constructor(
    private readonly read: ReadBase,
    private readonly send: (params: BaseTextParams) => void,
    readonly ref = 'HEAD',
  ) {}

  /** Reads the base text of a document and tells the server when it changed; returns it. A failed read tells nothing. */
  async refresh(uri: string): Promise<string | null | undefined> {
    let text: string | null | undefined;
    try {
      text = await this.read(uri);
    } catch {
      return undefined;
    }
    if (text === undefined || (this.sent.has(uri) && this.sent.get(uri) === text)) return text;
    this.sent.set(uri, text);
    this.send({ uri, ref: this.ref, text });
    return text;
  }

  /** The document was closed (the server forgets it too). */
  forget(uri: string): void {
    this.sent.delete(uri);
  }

  /** A new server process knows nothing: forget what was sent. */
  reset(): string[] {
    const uris = [...this.sent.keys()];
    this.sent.clear();
    return uris;
  }
}
