import type { Logger } from '../log';

/**
 * One run at a time of a job that waits on a provider (a listing, a look-up): a tick starts it, or
 * joins the run already under way, and waits for it only so long, so a provider that hangs or whose
 * pages never end holds up nothing else. A failed run is logged; the next tick starts another.
 */
export class BackgroundJob {
  private running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly job: () => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** Start a run unless one is under way; resolves when that run ends. Never rejects. */
  run(): Promise<void> {
    this.running ??= this.job()
      .catch((error: unknown) => this.log.error(`${this.name} failed`, { error: error instanceof Error ? error.stack : String(error) }))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Start or join a run, and wait for it at most `ms`. */
  async runWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    });
    await Promise.race([this.run(), waited]);
    clearTimeout(timer);
  }

  /** The run under way, if any. */
  current(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
