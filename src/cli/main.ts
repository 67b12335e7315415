/**
 * `charte-bot <command>`: the package's bin. Each command lives in its own module, loaded on demand so
 * `classify` starts fast and never loads platform SDKs.
 */
const USAGE = `charte-bot — the communication charter's friendly bot

Usage:
  charte-bot start                         run the bot (Slack, Mattermost, or the local playground)
  charte-bot classify                      JSON lines {id, channel, text, parent?} on stdin -> JSON lines on stdout
  charte-bot classify "texte" [--channel general] [--parent "…"]   one message, printed for a person
  charte-bot eval FILE.jsonl [--errors]    precision, recall, F1 against a labelled set
  charte-bot setup mattermost              create the /charte slash command on a Mattermost team
  charte-bot help                          this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return (await import('./start-command.js')).startCommand(rest);
    case 'classify':
      return (await import('./classify-command.js')).classifyCommand(rest);
    case 'eval':
      return (await import('./eval-command.js')).evalCommand(rest);
    case 'setup':
      return (await import('./setup-command.js')).setupCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`charte-bot: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    // `start` keeps running on its own servers; other commands end here.
    if (code !== undefined && code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`charte-bot: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
