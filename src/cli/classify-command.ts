// PLACEHOLDER: replaced by the real `classify` command.
export async function classifyCommand(_args: string[]): Promise<number> {
  process.stderr.write('charte-bot classify: not available yet.\n');
  return 1;
}
