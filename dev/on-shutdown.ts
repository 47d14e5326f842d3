/**
 * Runs `cleanup` once on Ctrl-C or SIGTERM, then exits. A second Ctrl-C while it runs exits at
 * once: nobody should have to wait for a stuck shutdown.
 */
export function onShutdown(cleanup: () => Promise<void>): void {
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) process.exit(1);
    stopping = true;
    await cleanup();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
