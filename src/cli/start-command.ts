// PLACEHOLDER: replaced by the composition root.
export async function startCommand(_args: string[]): Promise<number> {
  process.stderr.write('charte-bot start: not available yet.\n');
  return 1;
}
