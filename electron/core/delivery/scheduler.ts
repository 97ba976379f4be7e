import cron, { type ScheduledTask } from 'node-cron';
import type { AutomationRunner } from '../automations/automation-runner';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { InboundPoller } from '../replies/inbound-poller';
import type { SettingsRepository } from '../settings/settings-repository';
import { BackgroundJob } from './background-job';
import type { Outbox } from './outbox';
import type { ProgressNotifier } from './progress';
import type { Reconciler } from './reconciler';
import type { Sender } from './sender';
import type { StatusPoller } from './status-poller';

const PROGRESS_FLUSH_MS = 250;
const HOUR_MS = 60 * 60_000;
/** How long a tick waits for a job that talks to a provider before it goes on without it. */
const TICK_WAITS_MS = 1_000;

export interface SchedulerParts {
  outbox: Outbox;
  sender: Sender;
  poller: StatusPoller;
  reconciler: Reconciler;
  inbound: InboundPoller;
  progress: ProgressNotifier;
  automations: AutomationRunner;
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
  private readonly replies: BackgroundJob;
  private readonly lookups: BackgroundJob;
  private readonly statuses: BackgroundJob;

  constructor(private readonly parts: SchedulerParts) {
    const { outbox, inbound, reconciler, poller, log } = parts;
    // While anything is sending, replies are read every few seconds: a STOP is honoured in seconds.
    this.replies = new BackgroundJob('reading replies', () => inbound.poll(outbox.anySending()), log);
    this.lookups = new BackgroundJob('checking interrupted sends', () => reconciler.reconcile(), log);
    this.statuses = new BackgroundJob('asking for delivery statuses', () => poller.poll(), log);
  }

  start(): void {
    const { outbox, clock, log, progress } = this.parts;
    const interrupted = outbox.markAllSendingUnknown(clock.now());
    if (interrupted > 0) log.warn('deliveries interrupted while sending; checking with the provider', { interrupted });
    // A circuit opened before a restart is closed again: the first sends probe the provider.
    for (const id of outbox.resumePaused('provider', clock.now())) progress.markChanged(id);
    this.task = cron.schedule('* * * * * *', () => this.tick(), {
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
    this.flushTimer = setInterval(() => this.flushProgress(), PROGRESS_FLUSH_MS);
    void this.tick();
  }

  /** One catch-up, or the one already running. */
  private tick(): Promise<void> {
    if (!this.task) return Promise.resolve();
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Run one catch-up (or join the one running) and wait for everything it asked the providers, however
   * long they take. Nothing is sent before start(), which first settles what a previous run left mid-send.
   */
  async catchUp(): Promise<void> {
    await this.tick();
    await Promise.all([this.replies.current(), this.lookups.current(), this.statuses.current()]);
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    clearInterval(this.flushTimer);
    await this.running;
    await Promise.all([this.replies.current(), this.lookups.current(), this.statuses.current()]);
    await this.parts.sender.stop();
    this.parts.progress.flush();
  }

  private async runOnce(): Promise<void> {
    const { outbox, sender, progress, automations, settings, clock, log } = this.parts;
    const changed = (ids: number[]) => ids.forEach(progress.markChanged);
    try {
      changed(outbox.holdMissedSteps(clock.now(), settings.get().graceHours * HOUR_MS));
      changed(outbox.refreshCampaignStatuses(clock.now()));
      // Replies first: a client who just texted STOP gets nothing more, even in this very tick.
      await this.replies.runWithin(TICK_WAITS_MS);
      changed(automations.runIfDue());
      if (!settings.isPaused()) {
        await this.lookups.runWithin(TICK_WAITS_MS);
        sender.resumeAfterOutage();
        sender.sendDue();
      }
      await this.statuses.runWithin(TICK_WAITS_MS);
      changed(outbox.refreshCampaignStatuses(clock.now()));
    } catch (error) {
      log.error('delivery catch-up failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }

  private flushProgress(): void {
    try {
      this.parts.progress.flush();
    } catch (error) {
      // Numbers not pushed now are pushed at the next flush; a timer must never throw.
      this.parts.log.warn('pushing broadcast progress failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }
}
