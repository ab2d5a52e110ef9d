// A depth-first search over numbered states that visits each state once, for the pattern
// intersections (ARN against format, glob against glob). It allocates nothing per search: the
// visited marks and the stack are reused, a state counting as visited when it holds the current
// search's generation number.

export class StateSearch {
  private visited = new Uint32Array(1024);
  private stack = new Int32Array(1024);
  private generation = 0;
  private top = 0;

  /** Starts a search over the states 0 .. count - 1, from state 0. */
  start(count: number): void {
    if (this.visited.length < count) {
      this.visited = new Uint32Array(count);
      this.stack = new Int32Array(count); // each state is pushed at most once
      this.generation = 0;
    }
    if (++this.generation === 0xffffffff) {
      this.visited.fill(0);
      this.generation = 1;
    }
    this.top = 0;
    this.push(0);
  }

  /** Adds the state to those to expand, unless this search has seen it. */
  push(state: number): void {
    if (this.visited[state] !== this.generation) {
      this.visited[state] = this.generation;
      this.stack[this.top++] = state;
    }
  }

  /** The next state to expand; -1 when there is none. */
  next(): number {
    return this.top > 0 ? this.stack[--this.top] : -1;
  }
}
