// When open documents are checked: on the turn of the event loop after an edit, so that a burst of
// edits (or of settings changes) is checked once, with the newest text.

/**
 * Problems published per document, the most severe first: an editor lists no more usefully, and the
 * 250,000 of a generated 5 MB policy took seconds to send and to read.
 */
const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/** The diagnostics to publish: all of them, or the most severe MAX_PUBLISHED_DIAGNOSTICS. */
export function mostSevere<D extends { severity?: number }>(diagnostics: D[]): D[] {
  if (diagnostics.length <= MAX_PUBLISHED_DIAGNOSTICS) return diagnostics;
  return [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_PUBLISHED_DIAGNOSTICS);
}

export class ValidationQueue {
  private readonly pending = new Map<string, NodeJS.Immediate>();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly logError: (where: string, error: unknown) => void,
  ) {}

  /** Checks the document on the next turn, unless it is scheduled again before. */
  schedule(uri: string): void {
    clearImmediate(this.pending.get(uri));
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.delete(uri);
        this.validate(uri).catch(error => this.logError('validate', error));
      }),
    );
  }

  /** The document was closed: no check is pending for it. */
  cancel(uri: string): void {
    clearImmediate(this.pending.get(uri));
    this.pending.delete(uri);
  }
}
