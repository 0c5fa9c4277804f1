// How far a backup has got, as the core reports it with the `backup-progress` event, in words.
import type { BackupProgress } from "../../bindings/BackupProgress";

export type { BackupProgress };

/** The stage in words, for the line beside the progress bar. */
export function stageText(progress: BackupProgress): string {
  switch (progress.stage) {
    case "snapshot":
      return `Copying your journal… ${Math.round(Math.min(Math.max(progress.fraction, 0), 1) * 100)}%`;
    case "verify":
      return "Checking the copy…";
    case "secondPlace":
      return "Copying to your second place…";
    case "done":
      return "Backed up.";
  }
}
