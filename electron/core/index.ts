// createCore: everything the main process does, with no Electron import. The Electron shell and the
// web host each call this once and bind `dispatch` and `events` to their transport.
import type { Channel } from '../../shared/dto';
import type { RpcResult } from '../../shared/errors';
import { openDatabase, openReader } from '../../db/open';
import { dirname, join } from 'node:path';
import { appHandlers } from './app/app-handlers';
import { audienceHandlers } from './audience/audience-handlers';
import { AutomationRunner } from './automations/automation-runner';
import { automationsHandlers } from './automations/automations-handlers';
import { AutomationsRepository } from './automations/automations-repository';
import { CampaignsRepository } from './campaigns/campaigns-repository';
import { campaignsHandlers } from './campaigns/campaigns-handlers';
import { ContactsRepository } from './contacts/contacts-repository';
import { systemClock, type Clock } from './clock';
import { contactsHandlers } from './contacts/contacts-handlers';
import { contactTrackingHandlers } from './contacts/contact-tracking-handlers';
import { dashboardHandlers } from './dashboard/dashboard-handlers';
import { trackingActionsHandlers } from './tracking/tracking-actions-handlers';
import { trackingHandlers } from './tracking/tracking-handlers';
import { Outbox } from './delivery/outbox';
import { createImports } from './imports/imports-handlers';
import { WatchedFile } from './imports/watched-file';
import { watchedFileHandlers } from './imports/watched-file-handlers';
import { WatchedFileStore } from './imports/watched-file-store';
import { templatesHandlers } from './templates/templates-handlers';
import { ProgressNotifier } from './delivery/progress';
import { Reconciler } from './delivery/reconciler';
import { Scheduler } from './delivery/scheduler';
import { Sender } from './delivery/sender';
import { StatusPoller } from './delivery/status-poller';
import { CoreEvents } from './events';
import { ExportStore, exportsDir } from './exports/export-store';
import { exportsHandlers, type ChooseSavePath } from './exports/exports-handlers';
import { silentLogger, type Logger } from './log';
import { openReportConnection } from './reports/report-connection';
import { reportsHandlers } from './reports/reports-handlers';
import { createSandboxProvider, type SandboxOptions } from './providers/sandbox/sandbox-provider';
import { createDispatch } from './rpc/dispatch';
import type { Handlers } from './rpc/handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsRepository } from './settings/settings-repository';
import { PushSubscriptionsRepository } from './push/push-subscriptions-repository';
import { InboundPoller } from './replies/inbound-poller';
import { RepliesRepository } from './replies/replies-repository';
import { createFileKeyCipher } from './secrets/file-key-cipher';
import { legacySecretKeyPath, secretKeyPath } from './data-location';
import type { SecretCipher } from './secrets/secret-cipher';
import { SecretStore } from './secrets/secret-store';
import { ProviderRegistry, type ProviderEndpoints, type ProviderOverride } from './sending/provider-registry';
import { sendingHandlers } from './sending/sending-handlers';
import { SendingRepository } from './sending/sending-repository';

export interface CoreOptions {
  /** The SQLite file; created and migrated on first use. */
  dbPath: string;
  /** An Electron-ABI better-sqlite3 binary (the desktop app); plain Node uses node_modules' build. */
  nativeBinding?: string;
  /** Where the SQL migrations are; needed when bundled (the desktop app), defaults to db/migrations. */
  migrationsDir?: string;
  host: 'desktop' | 'web';
  clock?: Clock;
  log?: Logger;
  /** Tune the sandbox provider (tests make it settle fast). */
  sandbox?: Omit<SandboxOptions, 'clock'>;
  /** Replace the provider of a channel (tests, benchmarks). The sandbox is the default. */
  providerOverrides?: Partial<Record<Channel, ProviderOverride>>;
  /** Where real providers are reached: tests and the bench point them at local peers. */
  endpoints?: ProviderEndpoints;
  /**
   * How long after a claim a text cut off mid-send is looked up before it may be sent again: the
   * provider's list lags behind what it accepted. Default 10 minutes; tests shorten it.
   */
  lookupSettleMs?: number;
  /** Encrypts provider secrets: Electron's safeStorage in the desktop app; by default a key file (see secretKeyPath). */
  secretCipher?: SecretCipher;
  /** The key file of the default cipher; by default in a per-user folder apart from the data (data-location.ts). */
  secretKeyPath?: string;
  /** The desktop's native Save dialog, for exports.saveAs; without it (the web host) the browser downloads. */
  chooseSavePath?: ChooseSavePath;
}

export interface Core {
  /** Validate `input` against the contract and run the method. Never throws. */
  dispatch(method: string, input: unknown): Promise<RpcResult<unknown>>;
  events: CoreEvents;
  /** Start the sending ticker (and run one catch-up at once). */
  start(): void;
  /** Run the scheduler's idempotent catch-up (and a watched file's run that is due) now: after power resume, or when asked. */
  catchUp(): Promise<void>;
  /** Stop ticking, let in-flight sends settle, close the database. */
  stop(): Promise<void>;
}

/** Open the database, wire every domain, and return the core ready to serve a transport. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const { db, close } = openDatabase(options.dbPath, {
    ...(options.migrationsDir && { migrationsDir: options.migrationsDir }),
    ...binding,
  });
  const reader = openReader(options.dbPath, binding);
  const events = new CoreEvents();
  const settings = new SettingsRepository(db);
  const campaigns = new CampaignsRepository(db, clock);
  const outbox = new Outbox(db, () => {
    const { salonName, postalAddress } = settings.get();
    return { name: salonName, postalAddress };
  });
  const progress = new ProgressNotifier(campaigns, events);

  const contacts = new ContactsRepository(db);
  const sending = new SendingRepository(db);
  const dataDir = dirname(options.dbPath);
  const secrets = new SecretStore(db, options.secretCipher ?? createFileKeyCipher(options.secretKeyPath ?? secretKeyPath(dataDir), legacySecretKeyPath(dataDir)));
  const pushSubscriptions = new PushSubscriptionsRepository(db);
  const replies = new RepliesRepository(db);
  const registry = new ProviderRegistry({
    sending,
    secrets,
    settings,
    pushSubscriptions,
    sandbox: createSandboxProvider(db, { ...options.sandbox, clock }),
    sandboxPerSecond: options.sandbox?.ratePerSecond ?? 50,
    clock,
    ...(options.endpoints && { endpoints: options.endpoints }),
    ...(options.providerOverrides && { overrides: options.providerOverrides }),
  });
  const routes = () => registry.routes();
  const automations = new AutomationsRepository(db);
  automations.ensureReadyMade(clock.now());
  const automationRunner = new AutomationRunner({ db, automations, settings, outbox, clock, log });
  const scheduler = new Scheduler({
    outbox,
    sender: new Sender({ outbox, routes, settings, contacts, clock, log, onChange: progress.markChanged }),
    poller: new StatusPoller(outbox, routes, clock, progress.markChanged),
    reconciler: new Reconciler(outbox, routes, clock, progress.markChanged, options.lookupSettleMs),
    inbound: new InboundPoller({ db, replies, contacts, routes, clock, events }),
    progress,
    automations: automationRunner,
    settings,
    clock,
    log,
  });

  const exports = new ExportStore(exportsDir(dirname(options.dbPath)));
  const importing = createImports({ db, settings, clock, events, log, uploadDir: join(dirname(options.dbPath), 'uploads') });
  const watchedFile = new WatchedFile({ store: new WatchedFileStore(db), importing, settings, clock, log });
  const handlers: Handlers = {
    ...appHandlers(options.dbPath, options.host),
    ...settingsHandlers(db, settings, clock, events),
    ...contactsHandlers(db, settings, clock, events, exports),
    ...exportsHandlers(exports, options.chooseSavePath),
    ...reportsHandlers({ settings, clock, exports, openConnection: () => openReportConnection(options.dbPath, options.nativeBinding) }),
    ...contactTrackingHandlers(db, clock),
    ...trackingActionsHandlers(db, settings, clock, events),
    ...trackingHandlers(reader, settings),
    ...dashboardHandlers(reader, settings, clock),
    ...audienceHandlers(db, reader, settings, clock),
    ...templatesHandlers(db, clock),
    ...automationsHandlers({
      db,
      automations,
      contacts,
      settings,
      clock,
      changed: () => {
        for (const id of automationRunner.runAll(clock.now())) progress.markChanged(id);
        void scheduler.catchUp();
      },
    }),
    ...importing.handlers,
    ...watchedFileHandlers(watchedFile),
    ...sendingHandlers({
      db,
      sending,
      secrets,
      settings,
      registry,
      pushSubscriptions,
      replies,
      clock,
      events,
      pushEndpoints: { allowLoopback: options.endpoints?.allowLoopbackPush === true },
    }),
    ...campaignsHandlers({
      db,
      settings,
      contacts,
      clock,
      outbox,
      providerFor: (channel) => registry.providerFor(channel),
      changed: (id) => {
        progress.markChanged(id);
        progress.flush();
        void scheduler.catchUp();
      },
    }),
  };

  let started = false;
  return {
    dispatch: createDispatch(handlers, log),
    events,
    start() {
      if (started) return;
      started = true;
      scheduler.start();
      watchedFile.start();
    },
    catchUp: () => {
      watchedFile.check();
      return scheduler.catchUp();
    },
    async stop() {
      watchedFile.stop();
      await scheduler.stop();
      await registry.close();
      reader.close();
      close();
    },
  };
}
