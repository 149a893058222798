/**
 * The embedded default surface: the same slash commands typed in a terminal, answered with what
 * the bot would post. Plain text (no leading slash) is a question for /ask. The prompt comes back
 * after every answer; `exit`, `quit` or a closed stdin (Ctrl-D) end it cleanly.
 */
import { createInterface } from 'node:readline';
import { parseLine, runInvocation } from '../../../commands/run.js';
import type { App } from '../../app.js';
import { errorView, type Problem } from '../../core/answer/view.js';
import type { Logger } from '../../log.js';
import type { RunningAdapter } from '../../main.js';
import { terminalSafe, viewToText } from '../shared/text.js';

export interface TerminalOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  log: Logger;
  /** Channel id used for subscriptions made here. */
  channelId?: string;
  /** Show the `> ` prompt; default when the input is a terminal. */
  prompt?: boolean;
  /** A line under the banner saying why the terminal chat runs (no chat token found). */
  reason?: string;
}

export interface TerminalAdapter extends RunningAdapter {
  done: Promise<void>;
  /** Print a message as the bot would post it (the scheduler's Publisher for this surface). */
  post(text: string): void;
}

const PROMPT = '> ';

/** A typed line as a command line: `/stance Russia` as is, plain text as `/ask <text>`. */
export function asCommandLine(text: string): string {
  return text.startsWith('/') ? text : `/ask ${text}`;
}

export function startTerminal(app: App, opts: TerminalOptions): TerminalAdapter {
  const interactive = Boolean((opts.input as NodeJS.ReadStream).isTTY);
  const showPrompt = opts.prompt ?? interactive;
  const rl = createInterface({ input: opts.input, output: interactive ? opts.output : undefined, terminal: interactive });
  // Everything printed passes here: no escape sequence (colours, screen clears, OSC 8 hidden
  // links), control character or bidi override from an article or a user reaches the terminal.
  const write = (s: string) => opts.output.write(`${terminalSafe(s)}
`);
  // readline draws the prompt itself on a terminal; elsewhere (pipes, tests) it is written here.
  const prompt = () => {
    if (!showPrompt) return;
    if (interactive) rl.prompt();
    else opts.output.write(PROMPT);
  };
  const channelId = opts.channelId ?? 'terminal';
  const many = app.crises.ids().length > 1 ? ' /crisis list shows the others.' : '';
  write(`crisis-briefing — ${app.context('terminal', channelId, 'terminal-user', true).kb.crisis.name}. Type /help for commands, or just ask a question; Ctrl-D or "exit" to quit.${many}`);
  if (opts.reason) write(opts.reason);
  if (interactive) rl.setPrompt(PROMPT);
  prompt();
  let queue = Promise.resolve();
  let ended = false;
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (ended) return; // lines typed after exit are not answered
      const text = line.trim();
      if (/^\/?(exit|quit)$/i.test(text)) {
        ended = true;
        rl.close();
        return;
      }
      if (text) {
        const inv = parseLine(asCommandLine(text));
        const ctx = app.context('terminal', channelId, 'terminal-user', true);
        const result =
          'code' in inv ? { view: errorView(inv as Problem) } : await runInvocation(inv, ctx, (err, i) => opts.log.error({ err, command: i.command }, 'command failed'));
        write(viewToText(result.view));
        write('');
      }
      prompt();
    });
  });
  const done = new Promise<void>((resolve) => rl.once('close', () => void queue.then(resolve)));
  return {
    name: 'terminal',
    done,
    post: (text) => {
      write(text);
      prompt();
    },
    async stop() {
      rl.close();
      await done;
    },
  };
}
