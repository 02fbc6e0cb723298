import cliProgress from 'cli-progress';

/** A progress bar for an import, drawn only when a person watches the terminal. */
export interface ImportProgress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

/**
 * A progress bar on standard output when it is a terminal; nothing otherwise, so logs and
 * pipes get only the summary.
 * @example const progress = importProgress(process.stdout.isTTY === true);
 */
export function importProgress(enabled: boolean): ImportProgress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!enabled) return;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { format: 'Importing [{bar}] {percentage}% · {value}/{total} · {eta_formatted} left', barsize: 30, stream: process.stdout, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
