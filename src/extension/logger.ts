import * as vscode from 'vscode';
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { error: 0, info: 1, debug: 2 };

/** The Output channel "Study Annotator", filtered by the studyAnnotator.logLevel setting. */
export class Logger implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Study Annotator', { log: true });
  constructor(private level: LogLevel) {}

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  error(message: string, err?: unknown): void {
    this.channel.error(err === undefined ? message : `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }

  info(message: string): void {
    if (RANK[this.level] >= RANK.info) this.channel.info(message);
  }

  debug(message: string): void {
    if (RANK[this.level] >= RANK.debug) this.channel.info(`[debug] ${message}`);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
