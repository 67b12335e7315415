import type {
  ActionResult,
  CommandResult,
  IncomingAction,
  IncomingCommand,
  IncomingMessage,
  IncomingReport,
  MessageDeleted,
} from './model.js';

/**
 * The one entry point adapters call. Every method is safe to call with odd input: it logs and returns
 * rather than throwing for expected problems. It throws only when the work could not be done and must
 * not be marked handled (store down, platform down after retries), so the adapter can let the
 * platform redeliver.
 */
export interface BotCore {
  /**
   * Resolves the annonces and committee channels, warns when the committee channel is public or the
   * bot is not in it. Call once after the platform is connected.
   */
  start(): Promise<void>;

  /** A channel message was posted or edited. Exactly-once: a redelivered `eventId` does nothing. */
  handleMessage(message: IncomingMessage): Promise<void>;

  /** A message was deleted: closes its open incident, if any. */
  handleMessageDeleted(event: MessageDeleted): Promise<void>;

  /** `/charte …`. Never throws for bad input: an unknown subcommand returns the help. */
  handleCommand(command: IncomingCommand): Promise<CommandResult>;

  /** A button was clicked. */
  handleAction(action: IncomingAction): Promise<ActionResult>;

  /** A member or support staff reported a message (shortcut or `/charte signaler`). */
  handleReport(report: IncomingReport): Promise<CommandResult>;

  /** Periodic housekeeping: daily digest at its hour, retention purge. Idempotent; call every minute. */
  tick(): Promise<void>;
}
