import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { InboundPoller } from '../replies/inbound-poller';
import type { SettingsRepository } from '../settings/settings-repository';
import type { Outbox } from './outbox';
import type { ProgressNotifier } from './progress';
import type { Reconciler } from './reconciler';
import type { Sender } from './sender';
import type { StatusPoller } from './status-poller';

const PROGRESS_FLUSH_MS = 250;
const HOUR_MS = 60 * 60_000;

export interface SchedulerParts {
  outbox: Outbox;
  sender: Sender;
  poller: StatusPoller;
  reconciler: Reconciler;
  inbound: InboundPoller;
  progress: ProgressNotifier;
  settings: SettingsRepository;
  clock: Clock;
  log: Logger;
}

/**
 * Runs one idempotent catch-up every second (and at start, and on power resume): the database
 * decides what is due, so a missed tick or a sleeping laptop only delays, never duplicates. A step
 * more than the grace window late is held for the owner instead of going out by surprise.
 */
export class Scheduler {
  private task: ScheduledTask | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly parts: SchedulerParts) {}

  start(): void {
    const { outbox, clock, log, progress } = this.parts;
    const interrupted = outbox.markAllSendingUnknown(clock.now());
    if (interrupted > 0) log.warn('deliveries interrupted while sending; checking with the provider', { interrupted });
    // A circuit opened before a restart is closed again: the first sends probe the provider.
    for (const id of outbox.resumePaused('provider', clock.now())) progress.markChanged(id);
    this.task = cron.schedule('* * * * * *', () => this.catchUp(), {
      noOverlap: true,
      name: 'delivery-ticker',
      logger: {
        info: () => {},
        debug: () => {},
        // A missed tick (a busy second, a sleeping laptop) is harmless: the next one catches up.
        warn: (message) => log.info(`ticker: ${message}`),
        error: (message) => log.error(`ticker: ${String(message)}`),
      },
    });
    this.flushTimer = setInterval(() => progress.flush(), PROGRESS_FLUSH_MS);
    void this.catchUp();
  }

  /**
   * Run one catch-up; if one is already running, wait for that one instead of starting another.
   * Nothing is sent before start(), which first settles what a previous run left mid-send.
   */
  catchUp(): Promise<void> {
    if (!this.task) return Promise.resolve();
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    clearInterval(this.flushTimer);
    await this.running;
    await this.parts.sender.stop();
    this.parts.progress.flush();
  }

  private async runOnce(): Promise<void> {
    const { outbox, sender, poller, reconciler, inbound, progress, settings, clock, log } = this.parts;
    const changed = (ids: number[]) => ids.forEach(progress.markChanged);
    try {
      changed(outbox.holdMissedSteps(clock.now(), settings.get().graceHours * HOUR_MS));
      changed(outbox.refreshCampaignStatuses(clock.now()));
      // Replies first: a client who just texted STOP gets nothing more, even in this very tick.
      await inbound.poll();
      if (!settings.isPaused()) {
        await reconciler.reconcile();
        sender.resumeAfterOutage();
        sender.sendDue();
      }
      await poller.poll();
      changed(outbox.refreshCampaignStatuses(clock.now()));
    } catch (error) {
      log.error('delivery catch-up failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }
}
