// PLACEHOLDER: replaced by the real `eval` command.
export async function evalCommand(_args: string[]): Promise<number> {
  process.stderr.write('charte-bot eval: not available yet.\n');
  return 1;
}
