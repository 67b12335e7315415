// PLACEHOLDER: replaced by the real `setup` command.
export async function setupCommand(_args: string[]): Promise<number> {
  process.stderr.write('charte-bot setup: not available yet.\n');
  return 1;
}
